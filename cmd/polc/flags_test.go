package main

import (
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestGoStyleLongFlags(t *testing.T) {
	flags := pflag.NewFlagSet("test", pflag.ContinueOnError)
	flags.String("run", "", "")
	flags.String("policies", "", "")
	flags.Bool("update", false, "")
	flags.BoolP("verbose", "v", false, "")
	flags.BoolP("help", "h", false, "")
	flags.String("x", "", "a one-letter long flag")
	for in, want := range map[string]string{
		"-run X -update -v":          "--run X --update -v",
		"-run=X -policies=p":         "--run=X --policies=p",
		"-policies p case.yaml":      "--policies p case.yaml",
		"--run X --update":           "--run X --update",
		"-help":                      "--help",
		"-h -v":                      "-h -v",
		"-verbose":                   "--verbose",
		"-nosuch -x 1":               "-nosuch -x 1",
		"-run -update -update":       "--run -update --update",
		"--run -update -update":      "--run -update --update",
		"-update -- -run -update":    "--update -- -run -update",
		"- -update":                  "- --update",
		"case.yaml -run":             "case.yaml --run",
		"-update=false -run=-update": "--update=false --run=-update",
	} {
		got := strings.Join(goStyleLongFlags(flags, strings.Fields(in)), " ")
		if got != want {
			t.Errorf("%s: got %s, want %s", in, got, want)
		}
	}
}
