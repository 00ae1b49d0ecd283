package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"

	opaversion "github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"

	"github.com/polc-dev/polc/policies"
)

func (c *cli) versionCommand() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "version",
		Short: "print the versions of polc, OPA, cel-go and Go, and the embedded policy set's digest",
		Long: `Version prints polc's version, the OPA and cel-go it was built with, the Go
release, and the sha256 digest of the policy set embedded in this binary.`,
		Args: atMost(0),
		RunE: func(*cobra.Command, []string) error { return c.runVersion(format) },
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")
	return cmd
}

// versions is what polc version prints, one line each, in this order.
type versions struct {
	Polc     string `json:"polc"`
	OPA      string `json:"opa"`
	CELGo    string `json:"cel-go"`
	Go       string `json:"go"`
	Policies string `json:"policies"`
}

func (c *cli) runVersion(format string) error {
	v := buildVersions()
	switch format {
	case "text":
		fmt.Fprintf(c.stdout, "polc %s\nopa %s\ncel-go %s\ngo %s\npolicies %s\n", v.Polc, v.OPA, v.CELGo, v.Go, v.Policies)
	case "json":
		out, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s\n", out)
	default:
		return usagef("unknown --format %q (want text or json)", format)
	}
	return nil
}

func buildVersions() versions {
	v := versions{
		Polc: "devel",
		// OPA's own variable lacks the v its module version has.
		OPA:      "v" + opaversion.Version,
		CELGo:    "unknown",
		Go:       runtime.Version(),
		Policies: policies.Digest(),
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Polc = mainVersion(info)
	for _, dep := range info.Deps {
		version := dep.Version
		if dep.Replace != nil {
			// A replacement by a local folder has no version.
			version = cmp.Or(dep.Replace.Version, "devel")
		}
		switch dep.Path {
		case "github.com/open-policy-agent/opa":
			v.OPA = version
		case "cel.dev/cel-go":
			v.CELGo = version
		}
	}
	return v
}

// mainVersion is the module version polc was built at (go install
// …@v1.2.3, or a pseudo-version when built in a checkout), else devel with
// the commit and whether the tree had uncommitted changes, when the build
// recorded them.
func mainVersion(info *debug.BuildInfo) string {
	if info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	var revision, modified string
	for _, setting := range info.Settings {
		switch setting.Key {
		case "vcs.revision":
			revision = " " + setting.Value
		case "vcs.modified":
			if setting.Value == "true" {
				modified = " (modified)"
			}
		}
	}
	return "devel" + revision + modified
}
