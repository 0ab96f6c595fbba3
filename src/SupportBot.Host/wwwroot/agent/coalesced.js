/** Runs task at most once at a time; calls made meanwhile fold into one more run after it. */
export function coalesced(task) {
  let running = null;
  let again = false;
  return function run() {
    if (running) { again = true; return running; }
    running = (async () => {
      try {
        do { again = false; await task(); } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
}
