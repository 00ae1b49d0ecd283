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
	"os"

	"github.com/spf13/cobra"
)

const (
	exitOK      = 0
	exitProblem = 1
	exitUsage   = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// cli is one run of polc over its standard streams.
type cli struct {
	// ctx is the root of every evaluation a command runs.
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	// commandStarted is set once cobra has parsed a command's flags and
	// arguments and is about to run it; see run.
	commandStarted bool
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

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr}
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
