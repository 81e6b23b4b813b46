// Checks that a file is a complete ELF shared library for the machine this
// engine runs on, before it is handed to dlopen. dlopen maps a library's
// segments straight from the file: a segment that runs past the end of a
// truncated file is mapped all the same, and the first touch of its missing
// pages kills the process with SIGBUS, inside dlopen, before any error can be
// reported. Reading the headers first turns that into a refusal with a reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace vigie::plugin_host {

// Why `path` cannot be loaded as a shared library by this engine (not an
// ELF file, another class, byte order or machine, not ET_DYN, program
// headers or a segment past the end of the file), or nothing when its
// headers are sound. The reason does not name the file; the caller does.
std::optional<std::string> elf_problem(const std::filesystem::path& path);

// The e_machine of the running executable (/proc/self/exe), or nothing if
// it cannot be read.
std::optional<uint16_t> engine_machine();

// "x86-64", "AArch64", ... or "machine N" for the ones not named here.
std::string machine_name(uint16_t machine);

}  // namespace vigie::plugin_host
