// Linked into every module's glue (--post-js, wasm/CMakeLists.txt). Every Embind call — function,
// method or constructor — goes through this wrapper:
// - A refusal comes back as a return: the binding (wasm/refusals.h) caught the C++ exception,
//   left its message in nnpRefusal (nnp_set_refusal, conversions.cpp) and returned, its frames'
//   destructors run and its JS handles released. Only here, outside wasm, is the Error thrown.
// - Any exception that still leaves wasm (a trap, Embind's own argument errors) gives back the
//   wasm stack its frames took: nothing on such an exception's way out does, and ~100,000 of them
//   ran past the 5 MB stack into the module's data ("memory access out of bounds").
// Embind makes every invoker with craftInvokerFunction, at registration (after this runs).
var nnpRefusal = null;
{
  const craft = craftInvokerFunction;
  craftInvokerFunction = function () {
    const invoker = craft.apply(this, arguments);
    return function () {
      const sp = stackSave();
      let result;
      try {
        result = invoker.apply(this, arguments);
      } catch (e) {
        stackRestore(sp);
        nnpRefusal = null;
        throw e;
      }
      if (nnpRefusal !== null) {
        const message = nnpRefusal;
        nnpRefusal = null;
        throw new Error(message);
      }
      return result;
    };
  };
}
