// Package untrusted reads files that come from anyone — a policies folder
// or a golden tree in a pull request, a case file — as they are: a regular
// file only (a symbolic link could lead anywhere, a device such as
// /dev/zero never ends, a named pipe can block for ever), and no more of it
// than a limit, whatever its size claims to be.
package untrusted

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
)

// ErrTooLarge is what a read past its limit fails with.
var ErrTooLarge = errors.New("too large")

// NotRegular is the error for an entry that is not a regular file.
type NotRegular struct{ Kind string }

func (e *NotRegular) Error() string { return "not a regular file (" + e.Kind + ")" }

// ReadFS reads a file of a folder if its entry — looked at without
// following a link — is a regular file, and it holds at most max bytes.
func ReadFS(fsys fs.FS, name string, max int64) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return nil, pathErr(err)
	}
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == path.Base(name) })
	if i < 0 {
		return nil, fs.ErrNotExist
	}
	if t := entries[i].Type(); !t.IsRegular() {
		return nil, &NotRegular{Kind: Kind(t)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, pathErr(err)
	}
	defer f.Close()
	return Read(f, max)
}

// ReadFile reads a file named on the command line: it may be a link (the
// user named it), but what it leads to must be a regular file.
func ReadFile(name string, max int64) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, pathErr(err)
	}
	if !st.Mode().IsRegular() {
		return nil, &NotRegular{Kind: Kind(st.Mode())}
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, pathErr(err)
	}
	defer f.Close()
	return Read(f, max)
}

// Read reads at most max bytes, and fails if there is more: a file may
// have grown since it was looked at, and a stream has no size.
func Read(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, pathErr(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// Kind names what a folder entry is, for a message.
func Kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return m.Type().String()
}

func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
