// LeakSanitizer reads this hook when a program of ours (vigie, the tests)
// runs under -fsanitize=address. Fontconfig leaks a few hundred bytes once per
// process while parsing its configuration (on the thread Pango starts to
// load it). The default fast unwinder stops inside libfontconfig, so the
// suppression names the library: only blocks fontconfig itself allocated
// are left out; whatever Pango, Cairo or the renderer allocate is checked.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

// The suppression is expected: no need to list it after every run.
extern "C" const char* __lsan_default_options() {
  return "print_suppressions=0";
}
