// Preloaded (node --import) into the PostGraphile child process: PostGraphile 5.1.5 declares Node >= 22 and its
// planner (grafast) calls Promise.withResolvers, which Node 20 lacks; without it every database field fails with
// "Cannot read properties of undefined (reading 'items')". Defined only when missing, as the spec describes it.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
