package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/policies"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"polc": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI's end-to-end scripts, testdata/script/*.txtar:
// one behaviour a file, with its inputs and the exact output expected.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// POLC_UPDATE_SCRIPTS=1 rewrites the expected files of failing cmp
		// lines; review the diff before committing it.
		UpdateScripts: os.Getenv("POLC_UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			// $WORK/shipped is the embedded policy set and
			// $WORK/shipped-golden the embedded golden cases, to copy and
			// break — written for the scripts that name them: the goldens
			// are some 280 files, and most scripts never read them.
			// The scripts run polc some two hundred times, each a short
			// process that allocates far more than it keeps: collecting
			// garbage a quarter as often (as polc diff does of itself)
			// takes a sixth less CPU. A GOGC given to go test is passed on
			// instead.
			gogc := os.Getenv("GOGC")
			if gogc == "" {
				gogc = "400"
			}
			env.Setenv("GOGC", gogc)
			uses := usesShipped(env)
			if uses("shipped") {
				if err := writeFS(policies.FS, filepath.Join(env.WorkDir, "shipped")); err != nil {
					return err
				}
			}
			if uses("shipped-golden") {
				return writeFS(golden.FS, filepath.Join(env.WorkDir, "shipped-golden"))
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode":   cmdExitCode,
			"replace":    cmdReplace,
			"wellformed": cmdWellFormed,
		},
	})
}

// usesShipped tells whether the script Setup prepares names a folder
// ("shipped" or "shipped-golden"), from its text; a script whose text it
// cannot find is taken to name both.
func usesShipped(env *testscript.Env) func(folder string) bool {
	both := func(string) bool { return true }
	t, ok := env.T().(interface{ Name() string })
	if !ok {
		return both
	}
	data, err := os.ReadFile(filepath.Join("testdata", "script", path.Base(t.Name())+".txtar"))
	if err != nil {
		return both
	}
	text := string(data)
	return func(folder string) bool {
		if folder == "shipped" {
			// shipped-golden names the goldens, not the policies.
			return strings.Contains(strings.ReplaceAll(text, "shipped-golden", ""), "shipped")
		}
		return strings.Contains(text, folder)
	}
}

// exitcode N prog args... runs prog and requires exit status N; its output
// is kept for stdout and stderr like exec's.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// replace FILE OLD NEW replaces the one occurrence of OLD in FILE; a script
// uses it to break a copy of a shipped policy in one place. \n and \t in
// OLD and NEW stand for a newline and a tab.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	file := ts.MkAbs(args[0])
	data, err := os.ReadFile(file)
	ts.Check(err)
	unescape := strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace
	old, repl := unescape(args[1]), unescape(args[2])
	if n := strings.Count(string(data), old); n != 1 {
		ts.Fatalf("replace: %q occurs %d times in %s, want once", old, n, args[0])
	}
	ts.Check(os.WriteFile(file, []byte(strings.Replace(string(data), old, repl, 1)), 0o666))
}

// wellformed FILE requires FILE to be well-formed XML: encoding/xml's
// strict decoder reads it to the end (a CI system refuses a report it
// cannot parse, whole).
func cmdWellFormed(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: wellformed FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	dec := xml.NewDecoder(bytes.NewReader(data))
	elements := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			ts.Fatalf("%s is not well-formed XML: %v", args[0], err)
		}
		if _, ok := tok.(xml.StartElement); ok {
			elements++
		}
	}
	if elements == 0 {
		ts.Fatalf("%s holds no XML element", args[0])
	}
}

func writeFS(fsys fs.FS, dir string) error {
	return fs.WalkDir(fsys, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, filepath.FromSlash(path))
		if d.IsDir() {
			return os.MkdirAll(target, 0o777)
		}
		data, err := fs.ReadFile(fsys, path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
}
