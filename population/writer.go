package population

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/polc-dev/polc/cases"
)

// Writer writes people's years in the contract's format: the persons file
// and the claims file, each with its header, one person after another in
// the order of their ids.
type Writer struct {
	persons, claims *bufio.Writer
	prev            string
	started         bool
	buf             []byte
}

// NewWriter writes to persons and claims; Flush when done.
func NewWriter(persons, claims io.Writer) *Writer {
	return &Writer{persons: bufio.NewWriterSize(persons, 64<<10), claims: bufio.NewWriterSize(claims, 64<<10)}
}

// Write writes one person's row and claims' rows. Ids must come in
// increasing byte order, and no text may hold what the format cannot
// (a comma, a quote, a line break, or a + in a category).
func (w *Writer) Write(personID string, c *cases.Case) error {
	if w.started && personID <= w.prev {
		return fmt.Errorf("person %q after %q: persons are written in increasing order of their ids", personID, w.prev)
	}
	w.headers()
	w.prev = personID
	for _, t := range append([]string{personID, c.Region, c.Person.Residence, c.Person.County, c.Enrollment.Tier, c.Enrollment.Date}, c.Person.Categories...) {
		if err := writable(t); err != nil {
			return err
		}
	}
	for _, cat := range c.Person.Categories {
		if strings.Contains(cat, CategorySeparator) {
			return fmt.Errorf("category %q holds %q, which joins categories", cat, CategorySeparator)
		}
	}
	b := w.buf[:0]
	b = append(b, personID...)
	b = append(b, ',')
	b = append(b, c.Region...)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(c.Year), 10)
	b = append(b, ',')
	b = append(b, strings.Join(c.Person.Categories, CategorySeparator)...)
	b = append(b, ',')
	if c.Person.Age != nil {
		b = strconv.AppendInt(b, int64(*c.Person.Age), 10)
	}
	b = append(b, ',')
	b = append(b, c.Person.Residence...)
	b = append(b, ',')
	b = append(b, c.Person.County...)
	b = append(b, ',')
	if c.Person.ExitYear != nil {
		b = strconv.AppendInt(b, int64(*c.Person.ExitYear), 10)
	}
	b = append(b, ',')
	b = append(b, c.Enrollment.Tier...)
	b = append(b, ',')
	b = append(b, c.Enrollment.Date...)
	b = append(b, '\n')
	w.persons.Write(b)
	for i := range c.Claims {
		cl := &c.Claims[i]
		for _, t := range []string{cl.ID, cl.Date, cl.Kind, cl.HospitalLevel, cl.Disease} {
			if err := writable(t); err != nil {
				return err
			}
		}
		b = b[:0]
		b = append(b, personID...)
		b = append(b, ',')
		b = append(b, cl.ID...)
		b = append(b, ',')
		b = append(b, cl.Date...)
		b = append(b, ',')
		b = append(b, cl.Kind...)
		b = append(b, ',')
		b = append(b, cl.HospitalLevel...)
		b = append(b, ',')
		b = strconv.AppendBool(b, cl.Referred)
		b = append(b, ',')
		b = cl.Total.AppendText(b)
		b = append(b, ',')
		b = cl.OutOfCatalog.AppendText(b)
		b = append(b, ',')
		if cl.BasicPaid != nil {
			b = cl.BasicPaid.AppendText(b)
		}
		b = append(b, ',')
		b = append(b, cl.Disease...)
		b = append(b, ',')
		if cl.Uninsured {
			b = append(b, "true"...)
		}
		b = append(b, '\n')
		w.claims.Write(b)
	}
	w.buf = b
	return nil
}

func (w *Writer) headers() {
	if !w.started {
		w.started = true
		w.persons.WriteString(strings.Join(PersonColumns, ",") + "\n")
		w.claims.WriteString(strings.Join(ClaimColumns, ",") + "\n")
	}
}

// Flush writes what is buffered to both files (the headers at least).
func (w *Writer) Flush() error {
	w.headers()
	if err := w.persons.Flush(); err != nil {
		return err
	}
	return w.claims.Flush()
}

func writable(s string) error {
	if i := strings.IndexAny(s, ",\"\r\n"); i >= 0 {
		return fmt.Errorf("%q holds %q, which a population file cannot", s, s[i:i+1])
	}
	return nil
}
