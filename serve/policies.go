package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"time"

	"github.com/polc-dev/polc/compiler"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/policy"
	"github.com/polc-dev/polc/settle"
)

// policySet is one compiled set and what is served from it. Requests
// load the current one once and use it throughout, so a recompilation
// never changes the set under a request.
type policySet struct {
	set    *policy.Set
	engine *settle.Engine
	// digest is the sha256 of the folder's files, names and contents.
	digest string
	// regions is the GET /v1/regions body, built once per set.
	regions []byte
}

func newPolicySet(ctx context.Context, set *policy.Set, digest string) (*policySet, diag.List) {
	engine := settle.New(set)
	// Each case that gives params adds cache entries of its own; a server
	// sees cases without end.
	engine.MaxCached = maxCached
	ps := &policySet{set: set, engine: engine, digest: digest}
	regions, err := regionsJSON(ctx, set)
	if err != nil {
		var ds diag.List
		ds.Errorf(compiler.StageLoad, diag.Position{}, "cannot list the regions: %v", err)
		return nil, ds
	}
	ps.regions = regions
	return ps, nil
}

// digestOf hashes every file of a folder, by name and content, in walk
// (lexical) order: what --watch compares to see a change, without a
// dependency on file times or a notification service.
func digestOf(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			// The compiler refuses what is not a folder or a regular file;
			// its name still counts as a change.
			h.Write([]byte(p + "\x00" + d.Type().String() + "\x00"))
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		h.Write([]byte(p + "\x00"))
		h.Write(sum[:])
		return nil
	})
	if err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Reload recompiles the policies if their files changed since the set
// served was compiled. A set that compiles replaces it; one that does not
// is reported (the log, /healthz) and the set before it kept. It returns
// whether the set served changed.
func (s *Server) Reload(ctx context.Context) bool {
	digest, err := digestOf(s.opts.Policies)
	if err != nil {
		// A folder that cannot be read is reported once, like a set that
		// does not compile, until what is wrong with it changes.
		digest = "unreadable: " + err.Error()
	}
	s.reloadMu.Lock()
	same := digest == s.cur.Load().digest || (digest == s.failedDigest && s.reloadErrors != nil)
	s.reloadMu.Unlock()
	if same {
		return false
	}
	if err != nil {
		var ds diag.List
		ds.Errorf(compiler.StageLoad, diag.Position{File: s.opts.Display}, "cannot read: %v", err)
		s.failed(digest, ds)
		return false
	}
	ps, ds := compile(ctx, s.opts.Policies, s.opts.Display)
	if ps == nil {
		s.failed(digest, ds)
		return false
	}
	s.cur.Store(ps)
	s.reloadMu.Lock()
	s.reloadErrors, s.failedDigest = nil, ""
	s.reloadMu.Unlock()
	s.logf("policies: recompiled, serving %s (digest %s)\n", s.opts.Origin, ps.digest[:12])
	return true
}

// failed records a set that does not compile; each distinct one is
// logged once.
func (s *Server) failed(digest string, ds diag.List) {
	s.reloadMu.Lock()
	s.reloadErrors, s.failedDigest = ds, digest
	s.reloadMu.Unlock()
	s.logMu.Lock()
	defer s.logMu.Unlock()
	diag.Write(s.opts.Log, diag.FormatText, ds)
	cur := s.cur.Load()
	// Printed under the lock with the diagnostics, so the two stay together.
	s.opts.Log.Write([]byte("policies: do not compile; still serving the set before them (digest " + cur.digest[:12] + ")\n"))
}

// Watch polls the policy files every interval until ctx ends, reloading
// them when their content changes.
func (s *Server) Watch(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.Reload(ctx)
		}
	}
}

// maxCached bounds the plans, decisions and params the engine keeps: a
// few hundred bytes to a few kilobytes each, so tens of megabytes at most.
const maxCached = 1 << 14
