// Package golden embeds the worked examples: golden/<region>/<name>.yaml,
// each a case from a document with its hand arithmetic, and the reviewed
// outputs <name>.golden.json and <name>.golden.md that `polc test` compares
// against.
package golden

import "embed"

// FS holds <region>/*.yaml and their goldens.
//
//go:embed */*.yaml */*.golden.json */*.golden.md
var FS embed.FS
