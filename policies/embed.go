// Package policies embeds the shipped policy set — the shared schema, one
// Rego module per source document and their params files — so that polc
// works on a fresh machine with no flags.
package policies

import "embed"

// FS holds schema.yaml, *.rego and params/*.yaml.
//
//go:embed schema.yaml *.rego params/*.yaml
var FS embed.FS
