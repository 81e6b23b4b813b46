"""Two renderings of one page compared pixel by pixel, with the standard
library only (Debian's /usr/bin/python3 has neither PIL nor numpy): PNG
files decoded with zlib, differences counted in plain Python.

Two renderers never agree to the pixel: Poppler's Splash (pdftoppm) and
librsvg's Cairo place glyph edges at different sub-pixel positions and
anti-alias them differently, so that a stem may fall in the next pixel.
Poppler also snaps a rule thinner than a pixel to one solid row where
Cairo spreads it over two pale ones. What must agree is where the ink is
and its colour, a pixel or so apart: see `compare`."""

import collections
import pathlib
import struct
import zlib

# An 8-bit RGB image: `rgb` holds width * height * 3 bytes, row by row.
Image = collections.namedtuple("Image", "width height rgb")

# Two blurred pixels agree when every channel is within this (a quarter of
# the range): see `compare`.
CHANNEL_TOLERANCE = 64

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # PNG colour type -> samples a pixel


def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(kind, line, previous, bpp):
    """One scanline with its PNG filter undone (RFC 2083, 6.)."""
    if kind == 0:
        return line
    if kind == 2:
        return bytearray((x + up) & 0xFF for x, up in zip(line, previous))
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            corner = previous[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + _paeth(left, previous[i], corner)) & 0xFF
        else:
            raise ValueError(f"unknown PNG filter {kind}")
    return line


def _to_rgb(samples, channels):
    """RGB bytes of gray, gray+alpha, RGB or RGBA samples, any alpha laid
    over white paper."""
    if channels == 3:
        return bytes(samples)
    out = bytearray()
    for i in range(0, len(samples), channels):
        pixel = samples[i:i + channels]
        alpha = pixel[-1] if channels in (2, 4) else 255
        colour = pixel[:3] if channels >= 3 else pixel[:1] * 3
        out += bytes((c * alpha + 255 * (255 - alpha)) // 255 for c in colour)
    return bytes(out)


def read_png(path):
    """The Image of an 8-bit, non-interlaced PNG (what pdftoppm and
    rsvg-convert write); anything else raises ValueError naming the file."""
    data = pathlib.Path(path).read_bytes()
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a PNG file")
    at, header, compressed = len(_SIGNATURE), None, []
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        at += 12 + length  # length, type, data, CRC
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        raise ValueError(f"{path}: no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour not in _CHANNELS:
        raise ValueError(f"{path}: depth {depth}, colour type {colour}, "
                         f"interlace {interlace}; expected 8-bit, not "
                         "interlaced, gray or RGB with or without alpha")
    channels = _CHANNELS[colour]
    raw = zlib.decompress(b"".join(compressed))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError(f"{path}: {len(raw)} bytes of pixels, expected "
                         f"{height * (stride + 1)}")
    previous = bytearray(stride)
    samples = bytearray()
    for y in range(height):
        start = y * (stride + 1)
        line = _unfilter(raw[start], bytearray(raw[start + 1:start + 1 + stride]),
                         previous, channels)
        samples += line
        previous = line
    return Image(width, height, _to_rgb(samples, channels))


def shifted(image, dx, dy):
    """`image` moved dx pixels right and dy down, white paper let in."""
    row_bytes = image.width * 3
    white_row = b"\xff" * row_bytes
    rows = [image.rgb[y * row_bytes:(y + 1) * row_bytes]
            for y in range(image.height)]
    rows = [white_row] * dy + rows[:image.height - dy]
    margin = b"\xff" * (3 * dx)
    rows = [margin + row[:row_bytes - 3 * dx] for row in rows]
    return Image(image.width, image.height, b"".join(rows))


def blurred(image):
    """`image` with each sample the mean of its 3 x 3 neighbourhood (white
    paper beyond the edges): ink spread as a coverage of about 4 pt at 50
    dpi, whatever pixel a renderer put it in."""
    width = image.width
    row_bytes = 3 * width
    white = b"\xff\xff\xff"
    sums = []  # each row's horizontal sums of three pixels, per channel
    for y in range(image.height):
        row = white + image.rgb[y * row_bytes:(y + 1) * row_bytes] + white
        sums.append([a + b + c for a, b, c in zip(row, row[3:], row[6:])])
    paper = [3 * 255] * row_bytes
    rows = [paper] + sums + [paper]
    out = bytearray()
    for y in range(image.height):
        out += bytes((a + b + c) // 9
                     for a, b, c in zip(rows[y], rows[y + 1], rows[y + 2]))
    return Image(image.width, image.height, bytes(out))


Comparison = collections.namedtuple("Comparison",
                                    "mean_difference unmatched_share")


def compare(a, b):
    """How far two renderings of a page are apart:

    - mean_difference: the mean absolute difference of all samples, as a
      share of the full range (0 same, 1 black on white);
    - unmatched_share: the share of pixels where, both images blurred
      (`blurred`), a channel differs by more than CHANNEL_TOLERANCE.
      Blurring forgives what renderers do differently to one pixel (a
      glyph edge anti-aliased otherwise, a thin rule that Poppler snaps to
      one solid row of pixels and Cairo spreads over two pale ones); a
      text, a rule or a fill missing, in another colour or moved by a
      pixel or more still differ."""
    if (a.width, a.height) != (b.width, b.height):
        raise ValueError(f"sizes differ: {a.width}x{a.height} and "
                         f"{b.width}x{b.height}")
    mean = (sum(abs(x - y) for x, y in zip(a.rgb, b.rgb)) /
            (len(a.rgb) * 255))
    unmatched = {k // 3 for k, (x, y) in
                 enumerate(zip(blurred(a).rgb, blurred(b).rgb))
                 if abs(x - y) > CHANNEL_TOLERANCE}
    return Comparison(mean, len(unmatched) / (a.width * a.height))
