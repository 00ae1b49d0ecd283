package main

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/polc-dev/polc/compiler/memo"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/internal/testgc"
	"github.com/polc-dev/polc/policies"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

func TestMain(m *testing.M) {
	// Run under the name polc, the test binary is polc: what `exec polc`
	// in a script starts, a process of its own.
	if filepath.Base(os.Args[0]) == "polc" {
		main()
		return
	}
	os.Exit(runTests(m))
}

// runTests runs the tests with a polc on $PATH: this binary, linked under
// the name polc. (testscript.Main would do the same, but also make a bare
// `polc` in a script exec it, where cmdPolc runs it in this process.)
func runTests(m *testing.M) int {
	bin, err := os.MkdirTemp("", "polc-test-bin")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(bin)
	exe, err := os.Executable()
	if err == nil {
		err = os.Symlink(exe, filepath.Join(bin, "polc"))
	}
	if err != nil {
		log.Fatalf("cannot put polc on $PATH: %v", err)
	}
	os.Setenv("PATH", bin+string(filepath.ListSeparator)+os.Getenv("PATH"))
	// The scripts' work folders (testscript makes them in $GOTMPDIR) and
	// the shipped masters go on a tmpfs where there is one: the scripts
	// create and delete some 10,000 files a run (cp -r of the shipped
	// folders they break, git, their archives), and on the ext4 of this
	// project's machines the kernel's search for a free inode among the
	// recently deleted ones was ≈ 4 s of the package's CPU (perf: cp's and
	// git's time in the kernel, find_inode_bit, recently_deleted). A
	// GOTMPDIR given to go test is kept.
	if os.Getenv("GOTMPDIR") == "" {
		if dir := tmpfs(); dir != "" {
			os.Setenv("GOTMPDIR", dir)
		}
	}
	// The in-process runs allocate far more than they keep, as a polc
	// process does: collecting garbage a quarter as often (as the scripts'
	// GOGC=400 has polc processes do) takes a sixth less CPU, for some
	// hundreds of megabytes. A GOGC given to go test is kept.
	testgc.Set()
	return m.Run()
}

// tmpfs is a memory-backed folder to make files in, "" if none: Linux's
// /dev/shm, when a folder can be made there and it has room to spare (a
// container's is often 64 MiB; the scripts' folders take some tens of
// MiB at once).
func tmpfs() string {
	const shm = "/dev/shm"
	if free, ok := freeBytes(shm); !ok || free < 1<<30 {
		return ""
	}
	dir, err := os.MkdirTemp(shm, "polc-probe")
	if err != nil {
		return ""
	}
	os.Remove(dir)
	return shm
}

// TestScripts runs the CLI's end-to-end scripts, testdata/script/*.txtar:
// one behaviour a file, with its inputs and the exact output expected.
//
// A script runs polc in one of two ways. `polc ARGS` (and `exitcode N polc
// ARGS`) runs it inside the test process (cmdPolc): the CLI's run with the
// script's folder, environment and output, and the compiles of every
// script shared through one memo (compiler/memo), so that the forty full
// checks of the shipped set compile it once. `exec polc ARGS` (and
// `exitcode N exec polc ARGS`) runs the test binary as polc, a process of
// its own; a script that feeds standard input (`stdin FILE`) must use it,
// as testscript gives its own commands no standard input, and a few
// scripts use it so that the binary stays tested end to end.
//
// For a command to be right in-process, it reads nothing of the process
// it runs in: a file name the user gave is opened through cli.path (the
// script's folder, not the test's), a variable is read with cli.getenv,
// a program is started with cli.command, and nothing process-wide is set
// unless cli.wholeProcess. POLC_SCRIPT_MEMO=off runs the scripts with no
// memo (each in-process polc compiles for itself).
func TestScripts(t *testing.T) {
	t.Cleanup(func() {
		hits, misses := scriptCompiles.Stats()
		t.Logf("compiles: %d from the memo, %d compiled", hits, misses)
		hits, misses = scriptDiffs.Stats()
		t.Logf("polc diff: %d comparisons from the memo, %d run", hits, misses)
	})
	t.Cleanup(func() {
		if err := shippedMasters.verify(); err != nil {
			t.Errorf("a script wrote into a shipped folder, which the scripts share: %v", err)
		}
		shippedMasters.remove()
	})
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		// POLC_UPDATE_SCRIPTS=1 rewrites the expected files of failing cmp
		// lines; review the diff before committing it.
		UpdateScripts: os.Getenv("POLC_UPDATE_SCRIPTS") != "",
		Setup: func(env *testscript.Env) error {
			// $WORK/shipped is the embedded policy set,
			// $WORK/shipped-tongnan the same with tongnan's module and
			// params alone, and $WORK/shipped-golden the embedded golden
			// cases, to copy and break — placed for the scripts that name
			// them (hard links to one copy, shippedMasters): the goldens
			// are some 280 files, and most scripts never read them. A script that breaks tongnan to see polc check
			// catch it checks the real module in shipped-tongnan: a check
			// of the whole set evaluates the four other regions' contexts
			// too, ≈ 9× the CPU, for no line of the output.
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
			text, ok := scriptText(env)
			env.Values[envNamesKey{}] = envNames(env.Vars, text)
			uses := usesShipped(text, ok)
			for _, folder := range shippedFolders {
				if uses(folder.name) {
					if err := shippedMasters.place(folder, filepath.Join(env.WorkDir, folder.name)); err != nil {
						return err
					}
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"polc":       cmdPolc,
			"exitcode":   cmdExitCode,
			"replace":    cmdReplace,
			"wellformed": cmdWellFormed,
		},
	})
}

// scriptText is the text of the script Setup prepares, false when it
// cannot be found.
func scriptText(env *testscript.Env) (string, bool) {
	t, ok := env.T().(interface{ Name() string })
	if !ok {
		return "", false
	}
	data, err := os.ReadFile(filepath.Join("testdata", "script", path.Base(t.Name())+".txtar"))
	if err != nil {
		return "", false
	}
	return string(data), true
}

// usesShipped tells whether a script names a folder ("shipped",
// "shipped-tongnan" or "shipped-golden"), from its text; a script whose
// text was not found is taken to name all three.
func usesShipped(text string, found bool) func(folder string) bool {
	if !found {
		return func(string) bool { return true }
	}
	// shipped-golden and shipped-tongnan are other folders than shipped.
	others := strings.NewReplacer("shipped-golden", "", "shipped-tongnan", "").Replace(text)
	return func(folder string) bool {
		if folder == "shipped" {
			return strings.Contains(others, folder)
		}
		return strings.Contains(text, folder)
	}
}

// regionAlone is a policy set with one region: the schema, the region's
// module and its params file, and no other.
func regionAlone(fsys fs.FS, region string) (fs.FS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if (strings.HasSuffix(name, ".rego") || path.Dir(name) == "params") && name != region+".rego" && name != "params/"+region+".yaml" {
			return nil
		}
		data, err := fs.ReadFile(fsys, name)
		out[name] = &fstest.MapFile{Data: data}
		return err
	})
	return out, err
}

// envNamesKey is where Setup leaves the names of the variables a script's
// environment may hold, for cmdPolc.
type envNamesKey struct{}

// envLine is a script line that sets variables: env NAME=VALUE...,
// possibly under conditions.
var envLine = regexp.MustCompile(`(?m)^\s*(?:\[[^\]]*\]\s*)*env\s+(.*)$`)

// envNames are the names of the variables Setup gives a script and those
// its env lines set. testscript tells its own commands a variable's value
// (ts.Getenv) but not which are set, and a program polc starts (git) must
// be given the script's whole environment, as exec gives it.
func envNames(vars []string, text string) []string {
	var names []string
	for _, kv := range vars {
		if name, _, ok := strings.Cut(kv, "="); ok {
			names = append(names, name)
		}
	}
	for _, m := range envLine.FindAllStringSubmatch(text, -1) {
		for _, field := range strings.Fields(m[1]) {
			if name, _, ok := strings.Cut(field, "="); ok && name != "" {
				names = append(names, name)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// scriptEnv is the script's environment as exec would give it a program.
func scriptEnv(ts *testscript.TestScript) []string {
	names, _ := ts.Value(envNamesKey{}).([]string)
	var env []string
	for _, name := range names {
		// A variable only a later env line sets is not set yet.
		if v := ts.Getenv(name); v != "" {
			env = append(env, name+"="+v)
		}
	}
	return append(env, "PWD="+ts.MkAbs("."))
}

// scriptCompiles is the memo every in-process polc shares: a script's
// compile is one another script (or line) may have made. Sixteen sets
// hold the shipped set under the options the commands use and the copies
// scripts are running with, a few hundred megabytes at most.
var scriptCompiles = memo.New(16)

// scriptEngines gives every in-process polc one settlement engine a
// compiled set (polc test, settle, compare): the memo gives the scripts one
// set, and the plans and decisions one run evaluated serve the next, as
// polc serve's engine serves every request. A golden run settled ≈ 90
// cases from an empty cache each time, some fifteen times over.
var scriptEngines = &engineMemo{max: 16}

// engineMemo keeps the engines of the max most recently used sets.
type engineMemo struct {
	mu   sync.Mutex
	max  int
	sets []*policy.Set // most recently used last
	of   map[*policy.Set]*settle.Engine
}

func (m *engineMemo) engine(set *policy.Set) *settle.Engine {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.of[set]; ok {
		i := slices.Index(m.sets, set)
		m.sets = append(slices.Delete(m.sets, i, i+1), set)
		return e
	}
	if m.of == nil {
		m.of = map[*policy.Set]*settle.Engine{}
	}
	if len(m.sets) == m.max {
		delete(m.of, m.sets[0])
		m.sets = slices.Delete(m.sets, 0, 1)
	}
	e := settle.New(set)
	m.sets, m.of[set] = append(m.sets, set), e
	return e
}

// cmdPolc runs polc in the test process: polc ARGS must exit 0, ! polc
// ARGS must not (exitcode N polc ARGS wants N).
func cmdPolc(ts *testscript.TestScript, neg bool, args []string) {
	switch code := runPolc(ts, args); {
	case code != 0 && !neg:
		ts.Fatalf("polc: exit status %d", code)
	case code == 0 && neg:
		ts.Fatalf("polc: unexpected success")
	}
}

// runPolc runs polc in the test process with the script's folder,
// environment and output, and gives its exit status. A panic fails the
// script (a process of its own would have crashed), not the test process.
func runPolc(ts *testscript.TestScript, args []string) (code int) {
	c := &cli{
		stdin:  noStdin{},
		stdout: ts.Stdout(),
		stderr: ts.Stderr(),
		dir:    ts.MkAbs("."),
		env:    scriptEnv(ts),
	}
	if os.Getenv("POLC_SCRIPT_MEMO") != "off" {
		c.compileFunc = scriptCompiles.Compile
		c.diffFunc = scriptDiffs.Run
		c.engineFunc = scriptEngines.engine
	}
	defer func() {
		if r := recover(); r != nil {
			ts.Fatalf("polc panicked: %v\n%s", r, debug.Stack())
		}
	}()
	return run(args, c)
}

// noStdin is the standard input of an in-process polc: testscript keeps
// what `stdin FILE` gives to exec, so a script that feeds polc must exec
// it; one that does not is told so rather than given nothing.
type noStdin struct{}

func (noStdin) Read([]byte) (int, error) {
	return 0, errors.New("no standard input in-process: a script feeding polc runs it with exec polc")
}

// exitcode N polc ARGS runs polc in-process (cmdPolc), exitcode N exec
// PROG ARGS (or exitcode N PROG ARGS) runs PROG, and either requires exit
// status N; the output is kept for stdout and stderr like exec's.
func cmdExitCode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exitcode N polc|[exec] program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: %v", err)
	}
	if args[1] == "polc" {
		if got := runPolc(ts, args[2:]); got != want {
			ts.Fatalf("exit status %d, want %d", got, want)
		}
		return
	}
	if args[1] == "exec" {
		args = args[1:]
		if len(args) < 2 {
			ts.Fatalf("usage: exitcode N exec program [args...]")
		}
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

// shippedFolders are the folders Setup gives the scripts that name them.
var shippedFolders = []shippedFolder{
	{"shipped", func() (fs.FS, error) { return policies.FS, nil }},
	{"shipped-tongnan", func() (fs.FS, error) { return regionAlone(policies.FS, "tongnan") }},
	{"shipped-golden", func() (fs.FS, error) { return golden.FS, nil }},
}

type shippedFolder struct {
	name     string
	contents func() (fs.FS, error)
}

// shippedMasters holds one copy of each shipped folder for the test
// process; a script's folder is made of hard links to it. Writing the
// files anew for each script created some 5,000 files a run, and on this
// project's ext4 machines creating a file where many were just deleted
// costs the kernel more than the scripts' polc runs read them for (a
// fifth of the package's CPU). No script writes into a shipped folder —
// each copies it (cp -r) and breaks the copy — and verify holds them to
// that. Where a link cannot be made, the files are written.
var shippedMasters = &masters{dirs: map[string]string{}}

type masters struct {
	mu   sync.Mutex
	root string
	dirs map[string]string // folder name → its master copy
}

// place gives dir the folder's files.
func (m *masters) place(f shippedFolder, dir string) error {
	master, err := m.master(f)
	if err != nil {
		return err
	}
	return filepath.WalkDir(master, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(master, name)
		if err != nil {
			return err
		}
		target := filepath.Join(dir, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o777)
		}
		if os.Link(name, target) == nil {
			return nil
		}
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o666)
	})
}

// master writes the folder's master copy, once.
func (m *masters) master(f shippedFolder) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if dir, ok := m.dirs[f.name]; ok {
		return dir, nil
	}
	if m.root == "" {
		root, err := os.MkdirTemp(os.Getenv("GOTMPDIR"), "polc-test-shipped")
		if err != nil {
			return "", err
		}
		m.root = root
	}
	fsys, err := f.contents()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(m.root, f.name)
	if err := writeFS(fsys, dir); err != nil {
		return "", err
	}
	m.dirs[f.name] = dir
	return dir, nil
}

// verify checks that every master copy still holds what it was written
// with, and nothing else.
func (m *masters) verify() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, f := range shippedFolders {
		dir, ok := m.dirs[f.name]
		if !ok {
			continue
		}
		fsys, err := f.contents()
		if err != nil {
			return err
		}
		want := map[string]bool{}
		err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			want[name] = true
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if err != nil || !bytes.Equal(got, data) {
				return fmt.Errorf("%s/%s changed", f.name, name)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = filepath.WalkDir(dir, func(name string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(dir, name)
			if err == nil && !want[filepath.ToSlash(rel)] {
				err = fmt.Errorf("%s/%s added", f.name, filepath.ToSlash(rel))
			}
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (m *masters) remove() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.root != "" {
		os.RemoveAll(m.root)
	}
	m.root, m.dirs = "", map[string]string{}
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
