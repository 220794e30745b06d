//go:build !unix

package confine

import (
	"io/fs"
	"os"
)

const openFlags = os.O_RDONLY

const noFollow = 0

func idOf(fs.FileInfo) ID { return ID{} }

func realPath(*os.File) (string, bool) { return "", false }
