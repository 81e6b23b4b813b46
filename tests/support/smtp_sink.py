"""A real SMTP server for the delivery tests (aiosmtpd), on a free loopback
port: it stores every message it accepts and can be told to refuse.

    /usr/bin/python3 smtp_sink.py --dir DIR [options]

prints "PORT <n>" on stdout once it listens, then serves until killed.

Each accepted message is stored as DIR/<n>.eml (the raw bytes received after
DATA, dot-stuffing undone) and DIR/<n>.json: the envelope (mail_from,
rcpt_tos), whether the session was in TLS, the AUTH login, the size, the
decoded Subject, and each MIME leaf part (content_type, filename, size,
sha256, and its decoded payload saved as DIR/<n>.part<i>; a text part's
decoded text also as "text"), parsed with Python's email module.

Options:
  --rcpt ADDR=CODES   answer RCPT TO:<ADDR> with CODES in turn, one a
                      transaction ("451,250": greylisted once, then
                      accepted); the last code repeats. 250, 451, 452, 550,
                      553 have fixed texts (see REPLIES).
  --data ADDR=CODES   the same for the reply after the data of a message to
                      ADDR (250, 451, 552, 554).
  --auth USER:PASS    require AUTH (PLAIN or LOGIN) with these credentials.
  --tls CERT KEY      offer STARTTLS with this certificate and key, and
                      require it before MAIL (and before AUTH).
  --smtps CERT KEY    TLS from the first byte (smtps://), no STARTTLS.
  --port N            listen on this port (a server that comes back on the
                      port it was down on); default: a free one.
  --hold-data S       store each message, then wait S seconds before the
                      250 (a client killed meanwhile has delivered without
                      knowing it).
  --down              listen on nothing: print a free port that is closed.
  --silent            accept connections and never answer (time-outs).
"""

import argparse
import asyncio
import email
import email.policy
import hashlib
import json
import logging
import pathlib
import signal
import socket
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REPLIES = {
    250: "250 2.0.0 OK",
    451: "451 4.7.1 Greylisted, try again later",
    452: "452 4.2.2 Mailbox full",
    550: "550 5.1.1 Mailbox unknown",
    552: "552 5.3.4 Message too big for this mailbox",
    553: "553 5.1.3 Address rejected",
    554: "554 5.6.0 Message refused",
}


class Sequences:
    """For each address, the codes still to give, the last one repeating."""

    def __init__(self, specs):
        self.codes = {}
        for spec in specs or []:
            address, _, codes = spec.partition("=")
            self.codes[address.lower()] = [int(c) for c in codes.split(",")]

    def next_reply(self, address):
        codes = self.codes.get(address.lower())
        if not codes:
            return REPLIES[250]
        code = codes.pop(0) if len(codes) > 1 else codes[0]
        return REPLIES[code]


class Store:
    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count = 0

    def save(self, envelope, session, tls):
        self.count += 1
        stem = self.folder / f"{self.count:04d}"
        raw = envelope.original_content
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        parts = []
        for i, part in enumerate(p for p in parsed.walk()
                                 if not p.is_multipart()):
            payload = part.get_payload(decode=True) or b""
            saved = pathlib.Path(f"{stem}.part{i}")
            saved.write_bytes(payload)
            entry = {
                "content_type": part.get_content_type(),
                "charset": part.get_content_charset(),
                "filename": part.get_filename(),
                "transfer_encoding": part.get("Content-Transfer-Encoding"),
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
                "saved_as": str(saved),
            }
            if part.get_content_maintype() == "text":
                entry["text"] = part.get_content()
            parts.append(entry)
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode("utf-8", "replace")
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": tls,
            "auth_login": login,
            "size": len(raw),
            "subject": str(parsed["subject"]),
            "message_id": str(parsed["message-id"]),
            "date": str(parsed["date"]),
            "from": str(parsed["from"]),
            "to": str(parsed["to"]),
            "content_type": parsed.get_content_type(),
            "parts": parts,
        }
        # The .json last: its presence says the message is complete.
        pathlib.Path(f"{stem}.eml").write_bytes(raw)
        tmp = pathlib.Path(f"{stem}.json.tmp")
        tmp.write_text(json.dumps(summary, indent=1, ensure_ascii=False))
        tmp.rename(f"{stem}.json")


class Handler:
    def __init__(self, store, rcpt, data, hold=0.0):
        self.store = store
        self.rcpt = rcpt
        self.data = data
        self.hold = hold

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        reply = self.rcpt.next_reply(address)
        if reply.startswith("250"):
            envelope.rcpt_tos.append(address)
        return reply

    async def handle_DATA(self, server, session, envelope):
        reply = REPLIES[250]
        for address in envelope.rcpt_tos:
            reply = self.data.next_reply(address)
            if not reply.startswith("250"):
                return reply
        tls = server.transport.get_extra_info("ssl_object") is not None
        self.store.save(envelope, session, tls)
        if self.hold:
            await asyncio.sleep(self.hold)
        return reply


def authenticator_for(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        return AuthResult(success=ok, handled=False, auth_data=auth_data)
    return check


def server_context(cert_and_key):
    if not cert_and_key:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_and_key[0], cert_and_key[1])
    return context


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def announce(port):
    sys.stdout.write(f"PORT {port}\n")
    sys.stdout.flush()


async def serve(args):
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set_result, None)

    if args.down:
        announce(free_port())
        await stop
        return

    if args.silent:
        async def never_answer(reader, writer):
            await reader.read()  # until the client gives up
            writer.close()
        server = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    else:
        store = Store(args.dir)
        handler = Handler(store, Sequences(args.rcpt), Sequences(args.data),
                          args.hold_data)
        tls_context = server_context(args.tls)
        implicit_tls = server_context(args.smtps)
        options = {}
        if args.auth:
            user, _, password = args.auth.partition(":")
            # aiosmtpd only knows STARTTLS as TLS: under smtps it would
            # refuse AUTH as if in clear.
            options.update(auth_required=True,
                           auth_require_tls=tls_context is not None,
                           authenticator=authenticator_for(user, password))

        def factory():
            return SMTP(handler, hostname="sink.test", loop=loop,
                        tls_context=tls_context,
                        require_starttls=tls_context is not None,
                        **options)
        server = await loop.create_server(factory, "127.0.0.1", args.port,
                                          ssl=implicit_tls,
                                          reuse_address=True)

    announce(server.sockets[0].getsockname()[1])
    async with server:
        await stop


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir")
    parser.add_argument("--rcpt", action="append")
    parser.add_argument("--data", action="append")
    parser.add_argument("--auth")
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--hold-data", type=float, default=0.0)
    parser.add_argument("--down", action="store_true")
    parser.add_argument("--silent", action="store_true")
    args = parser.parse_args()
    if not (args.down or args.silent or args.dir):
        parser.error("--dir is required")
    # aiosmtpd logs every session it drops (a client refusing the test
    # certificate is one): the tests read the outcome, not these lines.
    logging.basicConfig(level=logging.CRITICAL)
    asyncio.run(serve(args))


if __name__ == "__main__":
    main()
