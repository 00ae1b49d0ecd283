package policy_test

import (
	"testing"
	"unsafe"

	"github.com/polc-dev/polc/cases"
	"github.com/polc-dev/polc/policy"
)

// A detached context has every string of the original, equal and in
// memory of its own.
func TestDetachedSharesNoText(t *testing.T) {
	age := 40
	c := policy.Context{Year: 2023, Person: cases.Person{Categories: []string{"dibao", "returned_to_poverty"}, Age: &age, Residence: "rural", County: "荔波县", Recognized: "2023-02-01"},
		EnrollmentTier: "1", EnrollmentDate: "2023-01-01", Claim: &policy.Claim{Kind: "inpatient", HospitalLevel: "3", Referred: true, Disease: "J18", Uninsured: true}}
	d := c.Detached()
	pairs := [][2]string{{c.Person.Residence, d.Person.Residence}, {c.Person.County, d.Person.County}, {c.Person.Recognized, d.Person.Recognized},
		{c.EnrollmentTier, d.EnrollmentTier}, {c.EnrollmentDate, d.EnrollmentDate}, {c.Claim.Kind, d.Claim.Kind}, {c.Claim.HospitalLevel, d.Claim.HospitalLevel}, {c.Claim.Disease, d.Claim.Disease}}
	for i := range c.Person.Categories {
		pairs = append(pairs, [2]string{c.Person.Categories[i], d.Person.Categories[i]})
	}
	for _, p := range pairs {
		if p[0] != p[1] || unsafe.StringData(p[0]) == unsafe.StringData(p[1]) {
			t.Errorf("%q detached as %q, sharing its memory: %v", p[0], p[1], unsafe.StringData(p[0]) == unsafe.StringData(p[1]))
		}
	}
	if d.Claim == c.Claim || *d.Claim != *c.Claim || d.Year != c.Year || d.Person.Age != c.Person.Age {
		t.Error("the claim or the numbers differ")
	}
}
