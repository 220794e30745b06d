//go:build unix

package confine

import (
	"io/fs"
	"os"
	"strconv"
	"syscall"
)

// openFlags open without blocking: a FIFO opened for reading with no writer
// would otherwise wait forever. O_NOCTTY keeps a terminal from becoming the
// process's controlling terminal.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY

// noFollow refuses a symlink in the last component of a path.
const noFollow = syscall.O_NOFOLLOW

func idOf(info fs.FileInfo) ID {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return ID{Dev: uint64(st.Dev), Ino: uint64(st.Ino)}
	}
	return ID{}
}

// realPath is where an open file is, from /proc (Linux); false elsewhere.
func realPath(f *os.File) (string, bool) {
	p, err := os.Readlink("/proc/self/fd/" + strconv.Itoa(int(f.Fd())))
	if err != nil || len(p) == 0 || p[0] != '/' {
		return "", false
	}
	return p, true
}
