package serve

import (
	"io/fs"
	"net/http"
	"path"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// goldenCases are the worked examples the page offers, read once at
// start: their names, titles and text.
type goldenCases struct {
	List []caseEntry       `json:"cases"`
	text map[string][]byte // by region/name
}

type caseEntry struct {
	Region string `json:"region"`
	Name   string `json:"name"`
	Title  string `json:"title"`
	// File is how polc test and polc settle name it:
	// golden/<region>/<name>.yaml, the ?name= that gives its golden.
	File string `json:"file"`
}

// loadGoldenCases reads <region>/<name>.yaml under fsys, each as strictly
// as any case file; one that cannot be read is left out (polc test
// reports it).
func loadGoldenCases(fsys fs.FS) *goldenCases {
	g := &goldenCases{List: []caseEntry{}, text: map[string][]byte{}}
	if fsys == nil {
		return g
	}
	names, _ := fs.Glob(fsys, "*/*.yaml")
	for _, n := range names {
		data, err := casefile.ReadFS(fsys, n)
		if err != nil {
			continue
		}
		region, file := path.Split(n)
		region = strings.TrimSuffix(region, "/")
		name := strings.TrimSuffix(file, ".yaml")
		g.List = append(g.List, caseEntry{Region: region, Name: name, Title: caseTitle(data), File: path.Join("golden", n)})
		g.text[region+"/"+name] = data
	}
	return g
}

// caseTitle is a case file's top-level title, "" if it has none.
func caseTitle(data []byte) string {
	root, ds := yamldoc.Parse("", data)
	if ds.HasErrors() {
		return ""
	}
	for _, kv := range yamldoc.Pairs(root) {
		if kv[0].Value == "title" && kv[1].Kind == yaml.ScalarNode {
			return kv[1].Value
		}
	}
	return ""
}

func (s *Server) caseList(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.cases)
}

func (s *Server) caseFile(w http.ResponseWriter, r *http.Request) {
	data, ok := s.cases.text[r.PathValue("region")+"/"+strings.TrimSuffix(r.PathValue("name"), ".yaml")]
	if !ok {
		writeErrors(w, http.StatusNotFound, requestError("no golden case %s/%s", r.PathValue("region"), r.PathValue("name")))
		return
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Write(data)
}
