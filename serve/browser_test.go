package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/polc-dev/polc/golden"
)

// chromium finds a headless-capable Chromium: $POLC_CHROMIUM, else
// Debian's chromium package (which .ci/run installs), else one on PATH.
func chromium() string {
	if p := os.Getenv("POLC_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestPageInBrowser loads the reviewer page in headless Chromium, settles
// a case written through the form, a golden case and a comparison, and a
// bad case, and checks what the page shows against what the API answers
// for the same YAML. POLC_SERVE_SCREENSHOT=FILE saves the page (PNG) after
// the golden case is settled: docs/serve.png.
func TestPageInBrowser(t *testing.T) {
	t.Parallel()
	path := chromium()
	if path == "" {
		t.Skip("no Chromium found (/usr/bin/chromium, from Debian's chromium package, or $POLC_CHROMIUM): the reviewer page is not tested in a browser here")
	}
	s := sharedServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: s, ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	url := "http://" + ln.Addr().String() + "/"

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The closed network refuses Chromium's own connections; these flags
	// keep it from trying, and a fresh profile from finding old state.
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1600, 1100),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true))
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) {
		t.Helper()
		if _, err := chromedp.Run(bctx, chromedp.Evaluate[any](js)); err != nil {
			t.Fatalf("%s: %v", js, err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return v
	}
	// Each answer the page shows counts up #result's data-done.
	answers := 0
	submit := func(button string) {
		t.Helper()
		answers++
		do("click "+button, chromedp.Click(chromedp.CSS(button)),
			chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.getElementById("result").dataset.done === "%d"`, answers)))
	}
	selectValue := func(sel, value string) {
		t.Helper()
		eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("change", {bubbles: true})); })()`, sel, value))
	}

	setInput := func(sel, value string) {
		t.Helper()
		eval(fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); })()`, sel, value))
	}

	do("load the page", chromedp.Navigate(url), chromedp.Poll[chromedp.Void](`document.body.dataset.ready === "1"`))

	// 1. A case written through the form: a tongnan 低保 person's
	// inpatient bill, basic insurance's share given.
	selectValue("#region", "tongnan")
	selectValue("#f-year", "2023")
	// Fields are set as a person typing would leave them, each firing
	// the events the page listens to.
	eval(`document.querySelector('#f-categories input[value="ordinary"]').click()`)
	eval(`document.querySelector('#f-categories input[value="dibao"]').click()`)
	setInput("#f-age", "58")
	setInput("#f-claims .total", "60000")
	setInput("#f-claims .basic", "30000")
	selectValue("#f-claims .level", "3")
	written, err := chromedp.Run(bctx, chromedp.Value(chromedp.CSS("#yaml")))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"region: tongnan", "categories: [dibao]", "total: 60000", "basic_paid: 30000", "hospital_level: 3"} {
		if !strings.Contains(written, want) {
			t.Errorf("the form wrote no %q:\n%s", want, written)
		}
	}
	submit("#settle")
	shown := text("#result")
	api := settleJSON(t, s, written)
	checkFigures(t, "the form's case", shown, api)

	// 2. A golden case, chosen from the list.
	selectValue("#golden", "critical-tilted-dibao")
	do("load the golden case", chromedp.Poll[chromedp.Void](`document.getElementById("yaml").value.includes("critical:")`))
	submit("#settle")
	shown = text("#result")
	gold, _ := fs.ReadFile(golden.FS, "tongnan/critical-tilted-dibao.golden.json")
	checkFigures(t, "golden/tongnan/critical-tilted-dibao.yaml", shown, gold)
	for _, want := range []string{"golden/tongnan/critical-tilted-dibao.yaml", "(30000.00 − 8916.50) × 65% = 13704.275 ≈ 13704.28", "大病保险起付线降低50%，报销比例提高5个百分点", "示例值"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the golden case's page lacks %q", want)
		}
	}
	if file := os.Getenv("POLC_SERVE_SCREENSHOT"); file != "" {
		eval(`window.scrollTo(0, 0)`)
		png, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, png, 0o666); err != nil {
			t.Fatal(err)
		}
	}

	// 3. The same case across the regions, side by side.
	submit("#compare")
	shown = text("#result")
	for _, want := range []string{"地区比较", "tongnan", "guangdong", "tongliao"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}

	// 4. A bad case: its errors at their lines, nothing settled.
	eval(`document.getElementById("yaml").value = "region: tongnan\nyear: 2023\nyear: 2024\n"`)
	submit("#settle")
	if errs := text("#errors"); !strings.Contains(errs, "<request>:3:1") || !strings.Contains(errs, "given twice") {
		t.Errorf("the page shows the bad case's errors as %q", errs)
	}
}

// settleJSON is the API's answer for a case's text.
func settleJSON(t *testing.T, s *Server, yaml string) []byte {
	t.Helper()
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/settle", bytes.NewReader([]byte(yaml))))
	if rec.Code != http.StatusOK {
		t.Fatalf("the form's case does not settle: %d %s", rec.Code, rec.Body)
	}
	return rec.Body.Bytes()
}

// checkFigures finds in the page every total of the result and each
// claim's tier payments.
func checkFigures(t *testing.T, what, shown string, result []byte) {
	t.Helper()
	var r struct {
		Totals map[string]string `json:"totals"`
		Claims []struct {
			Critical, Assistance, OutOfPocket string
		} `json:"claims"`
	}
	if err := json.Unmarshal(result, &r); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"total", "basic", "critical", "assistance", "tilted", "out_of_pocket", "in_scope_self_pay"} {
		if v := r.Totals[k]; v == "" || !strings.Contains(shown, v) {
			t.Errorf("%s: the page does not show totals.%s %q", what, k, v)
		}
	}
	if r.Totals["critical"] == "0.00" {
		t.Errorf("%s: nothing paid by critical-illness insurance; the case tests too little", what)
	}
}
