package casefile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"slices"
)

// Stdin is the name that reads a case from standard input, and StdinName
// how its diagnostics name it.
const (
	Stdin     = "-"
	StdinName = "<stdin>"
)

// ReadFile reads a case file, or standard input for "-", refusing what is
// not a case: a folder, a device or FIFO (/dev/zero would never end), or
// more than MaxCaseBytes. It returns the name diagnostics show.
func ReadFile(name string, stdin io.Reader) ([]byte, string, error) {
	if name == Stdin {
		data, err := readLimited(stdin)
		return data, StdinName, err
	}
	st, err := os.Stat(name)
	if err != nil {
		return nil, name, pathErr(err)
	}
	if !st.Mode().IsRegular() {
		return nil, name, fmt.Errorf("not a regular file (%s): a case is a YAML file", kind(st.Mode()))
	}
	if st.Size() > MaxCaseBytes {
		return nil, name, tooLarge(st.Size())
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, pathErr(err)
	}
	defer f.Close()
	data, err := readLimited(f)
	return data, name, err
}

// readLimited reads at most MaxCaseBytes, and fails if there is more: the
// file may have grown since it was looked at, and stdin has no size.
func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxCaseBytes {
		return nil, tooLarge(-1)
	}
	return data, nil
}

func tooLarge(size int64) error {
	if size < 0 {
		return fmt.Errorf("more than %d bytes, the most a case file may hold", MaxCaseBytes)
	}
	return fmt.Errorf("%d bytes, more than the %d a case file may hold", size, MaxCaseBytes)
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return m.Type().String()
}

func pathErr(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// ReadFS reads a case file from a folder of cases (a golden tree, which
// comes in a pull request like a policy), under the same rules as
// ReadFile: a regular file — not a symbolic link, device or named pipe —
// of at most MaxCaseBytes.
func ReadFS(fsys fs.FS, name string) ([]byte, error) {
	entries, err := fs.ReadDir(fsys, path.Dir(name))
	if err != nil {
		return nil, pathErr(err)
	}
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == path.Base(name) })
	if i < 0 {
		return nil, fs.ErrNotExist
	}
	if t := entries[i].Type(); !t.IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s): a case is a YAML file", kind(t))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, pathErr(err)
	}
	defer f.Close()
	return readLimited(f)
}
