package main

import (
	"strings"

	"github.com/spf13/pflag"
)

// goStyleLongFlags lets the Go toolchain's single-dash long flags
// (polc test -run X -update, -policies=DIR) through pflag, which would read
// -run as the shorthands -r -u -n: an argument -name or -name=value becomes
// --name or --name=value when name is longer than one letter and is a long
// flag of the command. One-letter shorthands (-v, -h) and anything else are
// left for pflag to accept or refuse. The separate value of a long flag is
// never rewritten (-run -update matches cases named "-update"), nor is
// anything after --.
func goStyleLongFlags(flags *pflag.FlagSet, args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			return append(out, args[i:]...)
		}
		if !strings.HasPrefix(arg, "-") || len(arg) < 2 {
			out = append(out, arg)
			continue
		}
		long := strings.HasPrefix(arg, "--")
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		flag := flags.Lookup(name)
		if !long && len(name) > 1 && flag != nil {
			arg, long = "-"+arg, true
		}
		out = append(out, arg)
		if long && flag != nil && flag.NoOptDefVal == "" && !hasValue && i+1 < len(args) {
			i++
			out = append(out, args[i])
		}
	}
	return out
}
