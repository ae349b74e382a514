// Preloaded into the reference servers when profiling or splitting latency: Node
// writes a --cpu-prof profile, and split-probe.cjs its times, only on a normal
// exit, and these servers die at SIGTERM without one.
process.on('SIGTERM', () => process.exit(0));
