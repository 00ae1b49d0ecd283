package casefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/polc-dev/polc/compiler/untrusted"
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
		data, err := untrusted.Read(stdin, MaxCaseBytes)
		return data, StdinName, explain(err)
	}
	data, err := untrusted.ReadFile(name, MaxCaseBytes)
	return data, name, explain(err)
}

// ReadFS reads a case file from a folder of cases (a golden tree, which
// comes in a pull request like a policy), under the same rules: a regular
// file — not a symbolic link, device or named pipe — of at most
// MaxCaseBytes.
func ReadFS(fsys fs.FS, name string) ([]byte, error) {
	data, err := untrusted.ReadFS(fsys, name, MaxCaseBytes)
	return data, explain(err)
}

// explain says what the limits are for.
func explain(err error) error {
	var nr *untrusted.NotRegular
	switch {
	case errors.As(err, &nr):
		return fmt.Errorf("%v: a case is a YAML file", err)
	case errors.Is(err, untrusted.ErrTooLarge):
		return fmt.Errorf("more than %d bytes, the most a case file may hold", MaxCaseBytes)
	}
	return err
}
