// LeakSanitizer reads this hook when the tests run under
// -fsanitize=address. Fontconfig leaks a few hundred bytes once per
// process while parsing its configuration (on the thread Pango starts to
// load it). The default fast unwinder stops inside libfontconfig, so the
// suppression names the library: only blocks fontconfig itself allocated
// are left out; whatever Pango, Cairo or the renderer allocate is checked.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}
