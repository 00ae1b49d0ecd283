package population_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/polc-dev/polc/casefile"
	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/compiler/diag"
	"github.com/polc-dev/polc/population"
	"github.com/polc-dev/polc/settle/money"
)

const (
	personsHeader = "person_id,region,year,categories,age,residence,county,exit_year,enrollment_tier,enrollment_date\n"
	claimsHeader  = "person_id,claim_id,date,kind,hospital_level,referred,total,out_of_catalog,basic_paid,disease,uninsured\n"
)

// readAll reads a population to its end, keeping every person (each read
// into a Person of its own) and every problem, the reading's own last.
func readAll(t testing.TB, persons, claims string) ([]*population.Person, diag.List) {
	t.Helper()
	rd := population.NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", testCatalog(t))
	var out []*population.Person
	var problems diag.List
	for {
		p := &population.Person{}
		if !rd.Next(p) {
			break
		}
		out = append(out, p)
		problems = append(problems, p.Problems...)
	}
	return out, append(problems, rd.Err()...)
}

func testCatalog(tb testing.TB) casefile.Catalog { return population.ShippedCatalogForTest(tb) }

func TestReadsPopulation(t *testing.T) {
	persons := personsHeader +
		"p1,tongnan,2023,dibao+returned_to_poverty,58,rural,,,1,2023-01-01\n" +
		"p2,tongnan,2023,ordinary,30,urban,龙里县,2016,2,\r\n" + // a line may end in CRLF
		"p3,tongnan,2023,,5,urban,,,1,2023-03-01" // the last line needs no newline
	claims := "\ufeff" + claimsHeader + // a spreadsheet's byte-order mark
		"p1,c1,2023-04-12,inpatient,3,true,60000,0,30000,,\n" +
		"p1,c2,2023-02-01,outpatient,1,false,12.5,.5,,,\n" +
		"p3,c1,2023-05-01,outpatient_special,2,true,100.00,,,肾透析,true\n"
	got, problems := readAll(t, persons, claims)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if len(got) != 3 {
		t.Fatalf("%d persons, want 3", len(got))
	}
	p1, p2, p3 := got[0], got[1], got[2]
	check := func(what string, got, want any) {
		t.Helper()
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s = %v, want %v", what, got, want)
		}
	}
	check("p1 id", p1.ID, "p1")
	check("p1 region, year", []any{p1.Case.Region, p1.Case.Year}, []any{"tongnan", 2023})
	check("p1 categories", p1.Case.Person.Categories, []string{"dibao", "returned_to_poverty"})
	check("p1 age", *p1.Case.Person.Age, 58)
	check("p1 enrollment", p1.Case.Enrollment, cases.Enrollment{Tier: "1", Date: "2023-01-01"})
	check("p1 position", p1.Case.Pos, "persons.csv:2")
	check("p1 claims", len(p1.Case.Claims), 2)
	c1, c2 := p1.Case.Claims[0], p1.Case.Claims[1]
	check("c1", []any{c1.ID, c1.Date, c1.Kind, c1.HospitalLevel, c1.Referred, c1.Total, c1.OutOfCatalog, *c1.BasicPaid, c1.Disease, c1.Uninsured, c1.Pos},
		[]any{"c1", "2023-04-12", "inpatient", "3", true, money.Amount(60000_00), money.Amount(0), money.Amount(30000_00), "", false, "claims.csv:2"})
	check("c2", []any{c2.Total, c2.OutOfCatalog, c2.BasicPaid == nil, c2.Referred}, []any{money.Amount(12_50), money.Amount(50), true, false})
	check("p2", []any{p2.Case.Person.County, *p2.Case.Person.ExitYear, p2.Case.Enrollment.Tier, p2.Case.Enrollment.Date, len(p2.Case.Claims)}, []any{"龙里县", 2016, "2", "", 0})
	check("p3 categories", len(p3.Case.Person.Categories), 0)
	c := p3.Case.Claims[0]
	check("p3 c1", []any{c.Disease, c.Uninsured, c.OutOfCatalog, c.BasicPaid == nil, c.Pos}, []any{"肾透析", true, money.Amount(0), true, "claims.csv:4"})
}

// A Person read into again keeps nothing of the one before, and the
// strings it gave out stay as they were.
func TestPersonReused(t *testing.T) {
	persons := personsHeader + "p1,tongnan,2023,dibao,58,rural,县甲,2016,1,\np2,tongnan,2023,ordinary,30,urban,,,1,\n"
	claims := claimsHeader + "p1,c1,2023-04-12,inpatient,3,true,600,0,300,病,\np2,c9,2023-05-12,outpatient,1,true,6,0,,,\n"
	rd := population.NewReader(strings.NewReader(persons), "persons.csv", strings.NewReader(claims), "claims.csv", testCatalog(t))
	var p population.Person
	if !rd.Next(&p) {
		t.Fatal(rd.Err())
	}
	id, claim, basic := p.ID, p.Case.Claims[0].ID, *p.Case.Claims[0].BasicPaid
	if !rd.Next(&p) {
		t.Fatal(rd.Err())
	}
	if p.Case.Person.County != "" || p.Case.Person.ExitYear != nil || p.Case.Claims[0].BasicPaid != nil || p.Case.Claims[0].Disease != "" {
		t.Errorf("p2 kept p1's fields: %+v", p.Case)
	}
	if id != "p1" || claim != "c1" || basic != 300_00 {
		t.Errorf("p1's values changed: %q %q %v", id, claim, basic)
	}
}

// Each class of bad row is a problem at its file:line:col, naming the
// field; a problem in a row leaves the join going (a later bad row is
// reported too), a problem that breaks the join ends it.
func TestBadRows(t *testing.T) {
	const person = "p1,tongnan,2023,dibao,58,rural,,,1,2023-01-01\n"
	const claim = "p1,c1,2023-04-12,inpatient,3,true,600,0,300,,\n"
	for _, tc := range []struct {
		name            string
		persons, claims string // rows after the header
		want            []string
	}{
		{"person field count", "p1,tongnan,2023,dibao,58,rural,,,1\n", "",
			[]string{"persons.csv:2:1: error: 9 fields, want 10: person_id,region,year,categories,age,residence,county,exit_year,enrollment_tier,enrollment_date [population]"}},
		{"claim field count", person, "p1,c1,2023-04-12,inpatient,3,true,600,0,300,,,\n",
			[]string{"claims.csv:2:1: error: 12 fields, want 11: person_id,claim_id,date,kind,hospital_level,referred,total,out_of_catalog,basic_paid,disease,uninsured [population]"}},
		{"unknown region", "p1,chengdu,2023,dibao,58,rural,,,1,\n", "",
			[]string{`persons.csv:2:4: error: region: unknown region "chengdu" (the policy set has guangdong, liujiang, qiannan, tongliao, tongnan) [population]`}},
		{"year outside the region's", "p1,tongnan,2019,dibao,58,rural,,,1,\n", "",
			[]string{"persons.csv:2:12: error: year: year 2019 is outside the years of tongnan's document (2022, 2023, 2024, 2025) [population]"}},
		{"a second region", person + "p2,liujiang,2024,dibao,58,rural,,,1,\n", "",
			[]string{`persons.csv:3:4: error: region "liujiang": a run is one region's year, and the first person's is tongnan 2023 [population]`}},
		{"a second year", person + "p2,tongnan,2024,dibao,58,rural,,,1,\n", "",
			[]string{"persons.csv:3:12: error: year 2024: a run is one region's year, and the first person's is tongnan 2023 [population]"}},
		{"unknown category", "p1,tongnan,2023,dibao+extrem_poverty,58,rural,,,1,\n", "",
			[]string{`persons.csv:2:17: error: categories: unknown category "extrem_poverty" (did you mean "extreme_poverty"?) [population]`}},
		{"exclusive categories", "p1,tongnan,2023,dibao+dibao_edge,58,rural,,,1,\n", "",
			[]string{"persons.csv:2:17: error: categories: no one is both dibao and dibao_edge (低保边缘家庭 are those who do not meet the 低保 or 特困 conditions (收入略高于低保标准)) [population]"}},
		{"category twice", "p1,tongnan,2023,dibao+dibao,58,rural,,,1,\n", "",
			[]string{"persons.csv:2:17: error: categories: dibao is given twice [population]"}},
		{"age", "p1,tongnan,2023,dibao,forty,rural,,,1,\np2,tongnan,2023,dibao,131,rural,,,1,\np3,tongnan,2023,dibao,,rural,,,1,\n", "",
			[]string{`persons.csv:2:23: error: age: want a whole number, not "forty" [population]`,
				"persons.csv:3:23: error: age 131 is not an age [population]",
				"persons.csv:4:23: error: age is missing [population]"}},
		{"residence", "p1,tongnan,2023,dibao,58,town,,,1,\n", "",
			[]string{`persons.csv:2:26: error: residence: "town" is not a residence (want rural or urban) [population]`}},
		{"tier", "p1,tongnan,2023,dibao,58,rural,,,3,\n", "",
			[]string{`persons.csv:2:34: error: enrollment_tier: "3" is not an enrollment tier (want 1 or 2) [population]`}},
		{"exit year", "p1,tongnan,2023,dibao,58,rural,,2016.5,1,\n", "",
			[]string{`persons.csv:2:33: error: exit_year: want a whole number, not "2016.5" [population]`}},
		{"enrollment date", "p1,tongnan,2023,dibao,58,rural,,,1,2023-02-30\np2,tongnan,2023,dibao,58,rural,,,1,2024-01-01\n", "",
			[]string{`persons.csv:2:36: error: enrollment_date: want a date of the calendar, YYYY-MM-DD, not "2023-02-30" [population]`,
				"persons.csv:3:36: error: enrollment_date 2024-01-01 is after the year 2023 [population]"}},
		{"claim date", person, "p1,c1,2023-13-01,inpatient,3,true,600,0,,,\np1,c2,2022-12-31,inpatient,3,true,600,0,,,\n",
			[]string{`claims.csv:2:7: error: date: want a date of the calendar, YYYY-MM-DD, not "2023-13-01" [population]`,
				"claims.csv:3:7: error: date 2022-12-31 is outside the year 2023 [population]"}},
		{"kind and level", person, "p1,c1,2023-04-12,hospital,4,yes,600,0,,,\n",
			[]string{`claims.csv:2:18: error: kind: "hospital" is not one of inpatient, outpatient_special, outpatient [population]`,
				`claims.csv:2:27: error: hospital_level: "4" is not one of 1, 2, 3 [population]`,
				`claims.csv:2:29: error: referred: want true or false, not "yes" [population]`}},
		{"amounts", person, "p1,c1,2023-04-12,inpatient,3,true,-100,0,,,\np1,c2,2023-04-12,inpatient,3,true,100.001,0,,,\np1,c3,2023-04-12,inpatient,3,true,1e5,0,,,\np1,c4,2023-04-12,inpatient,3,true,,0,,,\np1,c5,2023-04-12,inpatient,3,true,1000000000000000,0,,,\n",
			[]string{"claims.csv:2:35: error: total: -100 is negative [population]",
				"claims.csv:3:35: error: total: 100.001 has more than two decimals: money is in yuan and fen [population]",
				`claims.csv:4:35: error: total: want an amount of money, not "1e5" [population]`,
				"claims.csv:5:35: error: total is missing [population]",
				"claims.csv:6:35: error: total: amount 1000000000000000 is beyond the largest amount settled (100000000000000.00) [population]"}},
		{"amounts between fields", person, "p1,c1,2023-04-12,inpatient,3,true,100,200,,,\np1,c2,2023-04-12,inpatient,3,true,1000,100,950,,\np1,c3,2023-04-12,inpatient,3,true,1000,0,10,,true\n",
			[]string{"claims.csv:2:39: error: out_of_catalog 200.00 is above the total 100.00 [population]",
				"claims.csv:3:44: error: basic_paid 950.00 is above the in-scope cost 900.00 (total 1000.00 − out_of_catalog 100.00) [population]",
				"claims.csv:4:42: error: basic_paid on an uninsured claim: basic insurance pays nothing while a person is not insured [population]"}},
		{"uninsured", person, "p1,c1,2023-04-12,inpatient,3,true,600,0,,,no\n",
			[]string{`claims.csv:2:43: error: uninsured: want true or false, not "no" [population]`}},
		{"claim id twice", person, claim + "p1,c1,2023-05-12,inpatient,3,true,600,0,300,,\n",
			[]string{`claims.csv:3:4: error: claim_id "c1" is used twice in person "p1"'s year (line 2 and here) [population]`}},
		{"duplicate person", person + person, "",
			[]string{`persons.csv:3:1: error: person "p1" is given twice (line 2 and here) [population]`}},
		{"persons out of order", "p2,tongnan,2023,dibao,58,rural,,,1,\n" + person, "",
			[]string{`persons.csv:3:1: error: persons out of order: "p1" after "p2" (both files are sorted by person_id, in byte order) [population]`}},
		{"claims out of order", person + "p2,tongnan,2023,dibao,58,rural,,,1,\n", "p2,c1,2023-04-12,inpatient,3,true,600,0,,,\n" + claim,
			[]string{`claims.csv:3:1: error: claims out of order: person "p1" after "p2" (both files are sorted by person_id, in byte order) [population]`}},
		{"claim of no person, between", person + "p3,tongnan,2023,dibao,58,rural,,,1,\n", "p2,c1,2023-04-12,inpatient,3,true,600,0,,,\n",
			[]string{`claims.csv:2:1: error: claim of person "p2", who is not in persons.csv (where it would come before "p3") [population]`}},
		{"claim of no person, before the first", person, "p0,c1,2023-04-12,inpatient,3,true,600,0,,,\n",
			[]string{`claims.csv:2:1: error: claim of person "p0", who is not in persons.csv (where it would come before "p1") [population]`}},
		{"claim of no person, after the last", person, claim + "p9,c1,2023-04-12,inpatient,3,true,600,0,,,\n",
			[]string{`claims.csv:3:1: error: claim of person "p9", who is not in persons.csv (after its last person, "p1") [population]`}},
		{"empty person id", ",tongnan,2023,dibao,58,rural,,,1,\n", "",
			[]string{"persons.csv:2:1: error: person_id: empty [population]"}},
		{"quote", `p1,tongnan,2023,dibao,58,rural,"a,b",,1,` + "\n", "",
			[]string{"persons.csv:2:32: error: a quote: fields are written without quotes (no field may hold a comma) [population]"}},
		{"control character", "p1,tongnan,2023,dibao,58,rural,a\tb,,1,\n", "",
			[]string{"persons.csv:2:32: error: county: a control character [population]"}},
		{"long county", "p1,tongnan,2023,dibao,58,rural," + strings.Repeat("县", 50) + ",,1,\n", "",
			[]string{"persons.csv:2:32: error: county: 150 bytes, more than the 128 an id or a name may hold [population]"}},
		{"not UTF-8", "p1,tongnan,2023,dibao,58,rural,\xff,,1,\n", "",
			[]string{"persons.csv:2:32: error: county: not UTF-8 text [population]"}},
		{"empty line", person + "\n", "",
			[]string{"persons.csv:3: error: an empty line [population]"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, problems := readAll(t, personsHeader+tc.persons, claimsHeader+tc.claims)
			var got []string
			for _, d := range problems {
				got = append(got, d.String())
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	for _, tc := range []struct{ persons, claims, want string }{
		{"", claimsHeader, "persons.csv:1: error: empty: want the header person_id,region,year,categories,age,residence,county,exit_year,enrollment_tier,enrollment_date [population]"},
		{personsHeader, "person_id,claim,date\n", `claims.csv:1:1: error: header "person_id,claim,date", want person_id,claim_id,date,kind,hospital_level,referred,total,out_of_catalog,basic_paid,disease,uninsured [population]`},
	} {
		_, problems := readAll(t, tc.persons, tc.claims)
		if len(problems) != 1 || problems[0].String() != tc.want {
			t.Errorf("got %v, want %s", problems, tc.want)
		}
	}
}

// A person may hold casefile.MaxClaims claims, as a case may; past that
// the person has a problem and the claims are not kept.
func TestTooManyClaims(t *testing.T) {
	var claims strings.Builder
	claims.WriteString(claimsHeader)
	for i := 0; i <= casefile.MaxClaims; i++ {
		fmt.Fprintf(&claims, "p1,c%d,2023-04-12,outpatient,1,true,1,0,,,\n", i)
	}
	got, problems := readAll(t, personsHeader+"p1,tongnan,2023,ordinary,58,rural,,,1,\n", claims.String())
	want := fmt.Sprintf(`claims.csv:%d:1: error: person "p1" has more than %d claims, the most a case may hold (one person's year) [population]`, casefile.MaxClaims+2, casefile.MaxClaims)
	if len(problems) != 1 || problems[0].String() != want || len(got[0].Case.Claims) != casefile.MaxClaims {
		t.Fatalf("got %v (%d claims kept)", problems, len(got[0].Case.Claims))
	}
}

// One person's many bad rows are one mistake: listed up to a bound.
func TestProblemsPerPersonBounded(t *testing.T) {
	var claims strings.Builder
	claims.WriteString(claimsHeader)
	for i := range 100 {
		fmt.Fprintf(&claims, "p1,c%d,2023-04-12,outpatient,1,true,-1,0,,,\n", i)
	}
	_, problems := readAll(t, personsHeader+"p1,tongnan,2023,ordinary,58,rural,,,1,\n", claims.String())
	if len(problems) != population.MaxProblemsPerPerson+1 || !strings.Contains(problems[len(problems)-1].Message, "more problems in the rows of person") {
		t.Fatalf("%d problems: %v", len(problems), problems)
	}
}

// A line with no end — a file of one 10 MB line, or /dev/zero — is refused
// once it passes MaxLine, having read no more than a buffer of it.
func TestHostileLongLine(t *testing.T) {
	endless := io.MultiReader(strings.NewReader(personsHeader+"p1,"), &zeros{left: 10 << 20})
	rd := population.NewReader(endless, "persons.csv", strings.NewReader(claimsHeader), "claims.csv", testCatalog(t))
	var p population.Person
	if rd.Next(&p) {
		t.Fatal("read a person from an endless line")
	}
	want := fmt.Sprintf("persons.csv:2: error: a line longer than %d bytes, the most a row may hold [population]", population.MaxLine)
	if err := rd.Err(); len(err) != 1 || err[0].String() != want {
		t.Fatalf("got %v", err)
	}
	// A line just over the bound, with its newline, is refused the same way.
	long := personsHeader + "p1,tongnan,2023,ordinary,58,rural," + strings.Repeat("x", population.MaxLine) + ",,1,\n"
	_, problems := readAll(t, long, claimsHeader)
	if len(problems) != 1 || problems[0].String() != want {
		t.Fatalf("got %v", problems)
	}
}

type zeros struct{ left int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), z.left)
	clear(p[:n])
	z.left -= n
	return n, nil
}

// What the writer writes, the reader reads back as it was.
func TestWriteThenRead(t *testing.T) {
	age, exit := 44, 2015
	basic := money.Amount(123_45)
	in := []*cases.Case{
		{Region: "liujiang", Year: 2024, Person: cases.Person{Categories: []string{"dibao_edge", "edge_vulnerable"}, Age: &age, Residence: "rural", County: "柳江区", ExitYear: &exit},
			Enrollment: cases.Enrollment{Tier: "1", Date: "2024-01-01"},
			Claims: []cases.Claim{{ID: "c1", Date: "2024-03-01", Kind: "outpatient_special", HospitalLevel: "2", Referred: true, Total: 1000_00, OutOfCatalog: 1_01, BasicPaid: &basic, Disease: "肾透析"},
				{ID: "c2", Date: "2024-03-02", Kind: "inpatient", HospitalLevel: "3", Total: 5, Uninsured: true}}},
		{Region: "liujiang", Year: 2024, Person: cases.Person{Categories: []string{"ordinary"}, Age: &age, Residence: "urban"}, Enrollment: cases.Enrollment{Tier: "1"}},
	}
	var persons, claims bytes.Buffer
	w := population.NewWriter(&persons, &claims)
	for i, c := range in {
		if err := w.Write(fmt.Sprintf("p%d", i), c); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, problems := readAll(t, persons.String(), claims.String())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for i, c := range in {
		g := got[i].Case
		g.Pos, g.File = diag.Position{}, ""
		for j := range g.Claims {
			g.Claims[j].Pos = diag.Position{}
		}
		if g.Claims == nil {
			g.Claims = nil
		}
		if want, have := show(c), show(&g); want != have {
			t.Errorf("person %d:\n got %s\nwant %s", i, have, want)
		}
	}
	if err := w.Write("p0", in[0]); err == nil {
		t.Error("wrote persons out of order")
	}
}

// show prints a case with its pointers followed.
func show(c *cases.Case) string {
	var b strings.Builder
	p := c.Person
	fmt.Fprintf(&b, "%s %d %v %v %s %q %v %+v", c.Region, c.Year, p.Categories, deref(p.Age), p.Residence, p.County, deref(p.ExitYear), c.Enrollment)
	for _, cl := range c.Claims {
		fmt.Fprintf(&b, " [%s %s %s %s %t %s %s %v %q %t]", cl.ID, cl.Date, cl.Kind, cl.HospitalLevel, cl.Referred, cl.Total, cl.OutOfCatalog, deref(cl.BasicPaid), cl.Disease, cl.Uninsured)
	}
	return b.String()
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}
