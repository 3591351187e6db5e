package dev.jobs.backend.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, all threads (JIT compilers and GC included). Less sensitive than
 * wall time to other processes on a shared machine. Read only after the measured work, since the
 * management classes take time to load.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  static long nanosSoFar() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
