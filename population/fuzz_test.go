package population

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/compiler/yamldoc"
)

// The fast readers of a field are held to the reference rules they stand
// in for: an amount to casefile.AmountText (the case loader's rule: plain
// decimal, not negative, two decimals at most, within the bound), a date
// to yamldoc.IsDate (the calendar, as time.Parse knows it).
func FuzzAmount(f *testing.F) {
	for _, s := range []string{"0", "1", "12.5", ".5", "5.", "100.00", "100.001", "-1", "-0", "-0.00", "+5", "1e5", "", ".", "1..2",
		"100000000000000", "100000000000000.00", "100000000000000.01", "0000000000000000000000001", "99999999999999999999", " 1", "1,0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := amount([]byte(s))
		want, werr := casefile.AmountText(s)
		if (err == nil) != (werr == nil) || got != want {
			t.Fatalf("amount(%q) = %v, %v; casefile.AmountText = %v, %v", s, got, err, want, werr)
		}
		if err != nil && err.Error() != werr.Error() {
			t.Fatalf("amount(%q) says %q, casefile says %q", s, err, werr)
		}
	})
}

func FuzzDate(f *testing.F) {
	for _, s := range []string{"2023-01-01", "2023-02-29", "2024-02-29", "1900-02-29", "2000-02-29", "0000-02-29", "2023-13-01", "2023-00-10",
		"2023-04-31", "2023-4-1", "２０２３-01-01", "2023/01/01", "+023-01-01", "2023-01-1x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := date([]byte(s)), yamldoc.IsDate(s); got != want {
			t.Fatalf("date(%q) = %v, yamldoc.IsDate = %v", s, got, want)
		}
	})
}

// maxMessage bounds a problem's length: values are quoted cut short.
const maxMessage = 1500

// FuzzReader is the reader on any two files: people or problems, each
// with a position in one of the files and a bounded message, never a
// panic, a hang, or a person read past a problem that ended the reading.
func FuzzReader(f *testing.F) {
	cat := ShippedCatalogForTest(f)
	f.Add(personsHead+"p1,tongnan,2023,dibao+returned_to_poverty,58,rural,,,1,2023-01-01\np2,tongnan,2023,ordinary,30,urban,县,2016,2,\n",
		claimsHead+"p1,c1,2023-04-12,inpatient,3,true,60000,0,30000,,\np1,c2,2023-02-01,outpatient,1,false,12.5,.5,,,\np2,c1,2023-05-01,outpatient_special,2,true,100.00,,,病,true\n")
	f.Add(personsHead+"p2,tongnan,2023,dibao,58,rural,,,1,\np1,tongnan,2023,dibao,58,rural,,,1,\n", claimsHead+"p3,c1,2023-04-12,inpatient,3,true,600,0,,,\n")
	f.Add(personsHead+"p1,chengdu,2023,dibao,58,rural,,,1,\n", claimsHead)
	f.Add(personsHead+"p1,tongnan,2023,dibao+dibao_edge,-4,town,\"x\",y,3,2023-02-30\n", claimsHead+"p1,c1,2023-04-12,hospital,4,yes,-1,1e5,9,,no\n")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, persons, claims string) {
		rd := NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", cat)
		var p Person
		for n := 0; rd.Next(&p); n++ {
			if n > len(persons) {
				t.Fatal("more persons than lines")
			}
			for _, d := range p.Problems {
				checkProblem(t, d.Pos.File, d.Pos.Line, d.Message)
			}
			if !utf8.ValidString(p.ID) || p.ID == "" {
				t.Fatalf("person id %q", p.ID)
			}
		}
		for _, d := range rd.Err() {
			checkProblem(t, d.Pos.File, d.Pos.Line, d.Message)
		}
		if rd.Next(&p) {
			t.Fatal("read on after the end")
		}
	})
}

func checkProblem(t *testing.T, file string, line int, message string) {
	t.Helper()
	if (file != "persons.csv" && file != "claims.csv") || line < 1 {
		t.Fatalf("problem without a position: %s:%d: %s", file, line, message)
	}
	if len(message) > maxMessage {
		t.Fatalf("a message of %d bytes: %.200s…", len(message), message)
	}
}

const (
	personsHead = "person_id,region,year,categories,age,residence,county,exit_year,enrollment_tier,enrollment_date\n"
	claimsHead  = "person_id,claim_id,date,kind,hospital_level,referred,total,out_of_catalog,basic_paid,disease,uninsured\n"
)
