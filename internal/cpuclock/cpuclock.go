// Package cpuclock reads the CPU time a process has used, which
// benchmarks report next to wall time: unlike wall time it does not grow
// with the other jobs on a shared machine.
package cpuclock

import (
	"syscall"
	"time"
)

// Process is the user+sys CPU time this process has used so far, 0 if
// the system cannot say.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
