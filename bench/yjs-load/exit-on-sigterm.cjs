// Preloaded into the reference servers when profiling: Node writes a --cpu-prof
// profile only on a normal exit, and these servers die at SIGTERM without one.
process.on('SIGTERM', () => process.exit(0));
