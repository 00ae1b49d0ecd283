// Command polc checks, tests and runs regional medical-security policies
// written in Rego. See README.md for what each command is for.
//
// This package only parses flags, wires the compiler, settlement and harness
// packages together and decides exit codes: 0 success, 1 a problem found,
// 2 bad usage.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/policydiff"
	"github.com/polc-dev/polc/settle"
)

const (
	exitOK      = 0
	exitProblem = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], &cli{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		env: os.Environ(), wholeProcess: true,
	}))
}

// cli is one run of polc: its standard streams, working directory and
// environment. main gives it the process's; the tests run polc in their
// own process, many scripts at once, each with its own folder and
// environment. So a command never reads the process's working directory
// or environment itself: every file name the user gave is opened through
// c.path, every variable read through c.getenv, and a program it starts
// (git) is given c.dir and c.env (see main_test.go).
type cli struct {
	// ctx is the root of every evaluation a command runs.
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	// dir is the folder relative file names are taken from; "" is the
	// process's working directory.
	dir string
	// env is the environment, as os.Environ gives it: what getenv reads and
	// what a program polc starts is given.
	env []string
	// wholeProcess says the run is the process, so it may set what is
	// process-wide (the garbage collector's percentage); a run inside
	// another process (the tests) leaves that alone.
	wholeProcess bool
	// compileFunc compiles a policy set; nil is compiler.Compile. The
	// tests give a memo (compiler/memo), so that their many runs over one
	// set compile it once.
	compileFunc func(ctx context.Context, fsys fs.FS, display string, opts compiler.Options) (*policy.Set, diag.List)
	// diffFunc settles polc diff's cases under both versions; nil is
	// policydiff.Run. The tests give a memo, so that a script asking for
	// the same comparison in each output format settles its grid once.
	diffFunc func(ctx context.Context, opts policydiff.Options) (*policydiff.Report, error)
	// engineFunc gives the engine that settles with a compiled set; nil
	// is settle.New. The tests give one engine a set (its plans cached)
	// to all their runs, as the memo gives them one set.
	engineFunc func(*policy.Set) *settle.Engine
	// commandStarted is set once cobra has parsed a command's flags and
	// arguments and is about to run it; see run.
	commandStarted bool
}

// path is the name of a file the user gave, as the process opens it: taken
// from the run's folder when relative. Messages keep naming it as given.
func (c *cli) path(name string) string {
	if c.dir == "" || name == "" || filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(c.dir, name)
}

// getenv is the value of the run's environment variable key, "" when it is
// not set; the last setting wins, as in os/exec.
func (c *cli) getenv(key string) string {
	for i := len(c.env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(c.env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}

// command is a program polc starts (git), in the run's folder and
// environment.
func (c *cli) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir, cmd.Env = c.dir, c.env
	return cmd
}

// compileSet compiles a policy set, through the run's memo if it has one.
func (c *cli) compileSet(fsys fs.FS, display string, opts compiler.Options) (*policy.Set, diag.List) {
	if c.compileFunc != nil {
		return c.compileFunc(c.ctx, fsys, display, opts)
	}
	return compiler.Compile(c.ctx, fsys, display, opts)
}

// engine is a settlement engine for set, the run's own if it has one.
func (c *cli) engine(set *policy.Set) *settle.Engine {
	if c.engineFunc != nil {
		return c.engineFunc(set)
	}
	return settle.New(set)
}

// usageError is bad usage, exit 2: a flag value out of its set, a missing
// or extra argument.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errReported says a command has printed what it found (diagnostics, a test
// report): only the exit status is left to give.
var errReported = errors.New("problems reported")

// run runs polc with args in c, and gives the exit status.
func run(args []string, c *cli) int {
	c.ctx = context.Background()
	stderr := c.stderr
	root := c.rootCommand()
	if len(args) == 0 {
		// A bare polc is a mistake, not a request for help: the command
		// list goes where errors go.
		fmt.Fprint(stderr, root.UsageString())
		return exitUsage
	}
	// Which long flags exist depends on the command, so the arguments are
	// rewritten against the one they name, found as ExecuteC will find it;
	// its help flag is made early so that -help is one of them.
	if cmd, _, err := root.Find(args); err == nil {
		cmd.InitDefaultHelpFlag()
		args = goStyleLongFlags(cmd.Flags(), args)
	}
	root.SetArgs(args)
	cmd, err := root.ExecuteC()
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errReported):
		return exitProblem
	}
	fmt.Fprintf(stderr, "%s: %v\n", cmd.CommandPath(), err)
	// What cobra refuses before a command starts — an unknown command or
	// flag — is bad usage; what a command returns is a problem it found,
	// unless it says otherwise.
	if !c.commandStarted || errors.As(err, new(usageError)) {
		return exitUsage
	}
	return exitProblem
}

func (c *cli) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "polc",
		Short: "policy-as-code for regional medical-security rules",
		Long: `polc checks, tests and settles regional medical-security rules written in Rego.

Every command reads the policies in --policies DIR (or polc check DIR);
else ./policies when the current folder has one (an author's working copy);
else the set embedded in polc. Golden cases likewise: --golden DIR, else ./golden, else embedded.
Each command says on stderr which set it used.

Flags may come before or after arguments, and -- ends them; long flags may
also be written Go-style with one dash (-run RE, -update). A case file
named - is read from standard input.

Exit status: 0 ok, 1 problems found, 2 bad usage.`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		PersistentPreRun:  func(*cobra.Command, []string) { c.commandStarted = true },
	}
	root.SetIn(c.stdin)
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(c.buildCommand(), c.checkCommand(), c.compareCommand(), c.diffCommand(), c.fmtCommand(), c.inputCommand(), c.serveCommand(), c.settleCommand(), c.simCommand(), c.testCommand(), c.versionCommand())
	return root
}

// oneCaseFile wants exactly one case FILE argument; who names the command
// in the message.
func oneCaseFile(who string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		switch len(args) {
		case 0:
			return usagef("no case FILE given (- reads one from standard input)")
		case 1:
			return nil
		}
		return usagef("unexpected argument %q: %s takes one case FILE", args[1], who)
	}
}

// atMost refuses more than n arguments, naming the first one too many.
func atMost(n int) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("unexpected argument %q", args[n])
		}
		return nil
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
