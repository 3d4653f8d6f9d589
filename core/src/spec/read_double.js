// read_double.cpp's correctly rounding reader in the browser module: the JavaScript engine's own
// (Number() reads JSON's number grammar), instead of musl's strtod (emcc --js-library).
mergeInto(LibraryManager.library, {
  nnp_read_double: function (text, length) {
    return Number(UTF8ToString(text, length));
  },
});
