// Linked into every module's glue (--post-js, wasm/CMakeLists.txt): each Embind call — function,
// method or constructor — restores the wasm stack pointer when an exception leaves it. A refusal is
// a JS Error thrown from inside wasm (conversions.h's throw_js), and nothing on its way out gives
// back the stack its frames took: 16 to 64 bytes a refused call, so that ~100,000 refusals ran past
// the 5 MB stack into the module's data ("memory access out of bounds", issue 17's Embind fuzzing).
// Embind makes every invoker with craftInvokerFunction, at registration (after this runs).
{
  const craft = craftInvokerFunction;
  craftInvokerFunction = function () {
    const invoker = craft.apply(this, arguments);
    return function () {
      const sp = stackSave();
      try {
        return invoker.apply(this, arguments);
      } catch (e) {
        stackRestore(sp);
        throw e;
      }
    };
  };
}
