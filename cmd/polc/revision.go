package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"strconv"
	"strings"
	"testing/fstest"
)

// maxRevisionBytes bounds what git gives of a policies folder: the folder
// holds a few files of at most compiler.MaxPolicyFileBytes each.
const maxRevisionBytes = 64 << 20

// errNotGit and errUnknownRevision tell polc diff's exit status: outside a
// repository the command has nothing to compare (a problem, 1); an
// unknown revision is a bad argument (2).
var (
	errNotGit          = errors.New("not in a git repository")
	errUnknownRevision = errors.New("unknown revision")
)

// revision is a policies folder as it is at a git revision.
type revision struct {
	fsys   fs.FS
	commit string // the full hash the revision names
}

// readRevision reads the folder dir as it is at git revision rev, with the
// git on the user's PATH, into memory: `git ls-tree` run in the folder
// lists the folder's tree at that commit, named from the folder, and `git
// cat-file --batch` gives every file as committed (git archive would apply
// export attributes).
func (c *cli) readRevision(dir, rev string) (*revision, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("polc diff reads the revision with git, which is not on PATH: %w", err)
	}
	if _, err := c.git(dir, nil, "rev-parse", "--show-prefix"); err != nil {
		return nil, fmt.Errorf("%w: %s (%v)", errNotGit, dir, err)
	}
	out, err := c.git(dir, nil, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return nil, fmt.Errorf("%w %q: git knows no commit by that name", errUnknownRevision, rev)
	}
	commit := strings.TrimSpace(string(out))
	list, err := c.git(dir, nil, "ls-tree", "-r", "-z", commit)
	if err != nil {
		return nil, fmt.Errorf("cannot list %s at %s: %v", dir, rev, err)
	}
	entries, err := treeEntries(list)
	if err != nil {
		return nil, fmt.Errorf("listing %s at %s: %v", dir, rev, err)
	}
	if len(entries) == 0 {
		return nil, fmt.Errorf("%s is not in %s: the revision has no files there", dir, rev)
	}
	var ids bytes.Buffer
	for _, e := range entries {
		ids.WriteString(e.object + "\n")
	}
	blobs, err := c.git(dir, &ids, "cat-file", "--batch")
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", dir, rev, err)
	}
	fsys, err := treeFS(entries, blobs)
	if err != nil {
		return nil, fmt.Errorf("reading %s at %s: %v", dir, rev, err)
	}
	return &revision{fsys: fsys, commit: commit}, nil
}

// treeEntry is a file of a tree: its mode, object and path in the folder.
type treeEntry struct {
	mode, object, path string
}

// treeEntries parses `git ls-tree -r -z`: "<mode> <type> <object>\t<path>"
// records ended by NUL. A submodule (a commit in the tree) is refused: a
// policies folder holds files.
func treeEntries(list []byte) ([]treeEntry, error) {
	var out []treeEntry
	for _, rec := range strings.Split(strings.TrimSuffix(string(list), "\x00"), "\x00") {
		if rec == "" {
			continue
		}
		meta, name, ok := strings.Cut(rec, "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 3 {
			return nil, fmt.Errorf("unexpected ls-tree line %q", rec)
		}
		if fields[1] != "blob" {
			return nil, fmt.Errorf("%s is a %s, not a file", name, fields[1])
		}
		if !fs.ValidPath(name) {
			return nil, fmt.Errorf("the tree names %q, outside the folder", name)
		}
		out = append(out, treeEntry{mode: fields[0], object: fields[2], path: name})
	}
	return out, nil
}

// treeFS puts the files of a tree in memory from `git cat-file --batch`,
// which gives each object as "<object> <type> <size>\n<content>\n" in the
// order asked. A symbolic link keeps its type, so the compiler refuses it
// by name as it does on disk.
func treeFS(entries []treeEntry, blobs []byte) (fs.FS, error) {
	out := fstest.MapFS{}
	rest := blobs
	for _, e := range entries {
		header, body, ok := bytes.Cut(rest, []byte("\n"))
		fields := strings.Fields(string(header))
		if !ok || len(fields) != 3 || fields[0] != e.object {
			return nil, fmt.Errorf("unexpected cat-file output for %s", e.path)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil || size < 0 || size+1 > len(body) {
			return nil, fmt.Errorf("unexpected cat-file size for %s", e.path)
		}
		mode := fs.FileMode(0o444)
		if e.mode == "120000" {
			mode = fs.ModeSymlink | 0o777
		}
		out[e.path] = &fstest.MapFile{Data: body[:size], Mode: mode}
		rest = body[size+1:]
	}
	return out, nil
}

// git runs git in dir (from the run's folder), with stdin if given, and
// returns its standard output; an error carries git's own message.
func (c *cli) git(dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := c.command("git", append([]string{"-C", dir}, args...)...)
	var stdout limitedBuffer
	var stderr bytes.Buffer
	stdout.limit = maxRevisionBytes
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if stdout.over {
			return nil, fmt.Errorf("git's output is larger than %d bytes, more than a policies folder holds", maxRevisionBytes)
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(strings.TrimPrefix(msg, "fatal: "))
		}
		return nil, err
	}
	return stdout.Bytes(), nil
}

// limitedBuffer refuses writes past its limit, which stops git.
type limitedBuffer struct {
	bytes.Buffer
	limit int
	over  bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.limit {
		b.over = true
		return 0, errors.New("too large")
	}
	return b.Buffer.Write(p)
}
