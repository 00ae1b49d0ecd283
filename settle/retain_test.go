package settle_test

import (
	"context"
	"testing"
	"unsafe"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/golden"
	"github.com/polc-dev/polc/settle"
)

// The engine keeps no string of a case it settles in the keys it caches
// by: a population reader hands it text that lives in buffers of many
// persons, which a cache entry would keep alive (a person context per
// county name, each holding its chunk of the file) or see changed. Every
// golden case's text is moved into one buffer, settled by Figures and by
// Settle, and no cached key may point into the buffer.
func TestEngineKeepsNoCaseText(t *testing.T) {
	set := shippedSet(t)
	e := settle.New(set)
	for _, gc := range golden.Cases() {
		loaded, ds := casefile.Load(gc.Name, gc.Data, set)
		if ds.HasErrors() {
			t.Fatalf("%s: %v", gc.Name, ds)
		}
		c := &loaded.Case
		var arena []byte
		var fields []*string
		keep := func(s *string) { fields = append(fields, s); arena = append(arena, *s...) }
		keep(&c.Person.Residence)
		keep(&c.Person.County)
		keep(&c.Person.Recognized)
		keep(&c.Enrollment.Tier)
		keep(&c.Enrollment.Date)
		for i := range c.Claims {
			cl := &c.Claims[i]
			keep(&cl.ID)
			keep(&cl.Date)
			keep(&cl.Kind)
			keep(&cl.HospitalLevel)
			keep(&cl.Disease)
		}
		if len(arena) == 0 {
			continue
		}
		at := 0
		for _, f := range fields {
			n := len(*f)
			*f = unsafe.String(unsafe.SliceData(arena[at:]), n)
			at += n
		}
		var fig settle.Figures
		e.Figures(context.Background(), c, &fig)
		e.Settle(context.Background(), c)
		lo := uintptr(unsafe.Pointer(unsafe.SliceData(arena)))
		if k := settle.KeysIn(e, lo, lo+uintptr(len(arena))); k != "" {
			t.Fatalf("%s: the engine keeps the case's text in the key of a %s", gc.Name, k)
		}
	}
}
