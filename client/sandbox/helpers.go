package sandbox

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// Answers.

func created(body any) answer { return answer{http.StatusCreated, body} }

func deleted() answer { return ok(map[string]any{"success": true}) }

// wrap puts v under key, the documented single-resource and list envelope.
func wrap(key string, v any) map[string]any { return map[string]any{key: v} }

// Failures.

func badRequest(param, format string, args ...any) *failure {
	return &failure{status: http.StatusBadRequest, code: "invalid_request", message: fmt.Sprintf(format, args...), param: param}
}

func missingField(param string) *failure {
	return &failure{status: http.StatusBadRequest, code: "missing_field", message: param + " is required", param: param}
}

// notFound names the resource, e.g. notFound("Assistant") says "Assistant
// not found".
func notFound(resource string) *failure {
	return &failure{status: http.StatusNotFound, code: "not_found", message: resource + " not found"}
}

func conflict(format string, args ...any) *failure {
	return &failure{status: http.StatusConflict, code: "conflict", message: fmt.Sprintf(format, args...)}
}

// Time.

// stamp renders t the way the API does, e.g. 2026-03-27T12:00:00.000Z.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

// stampOrNil renders t, or null for the zero time.
func stampOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return stamp(t)
}

// orNil is s, or null for "".
func orNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// IDs.

// idSource makes the IDs of resources created while the sandbox runs. It
// is seeded, so that a sequence of requests always yields the same IDs.
type idSource struct{ rng *rand.Rand }

func newIDSource() *idSource { return &idSource{rng: rand.New(rand.NewPCG(2026, 12))} }

// uuid returns a random version 4 UUID.
func (g *idSource) uuid() string {
	var b [16]byte
	for i := range b {
		b[i] = byte(g.rng.UintN(256))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// token returns n random letters and digits.
func (g *idSource) token(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alnum[g.rng.IntN(len(alnum))]
	}
	return string(b)
}

// Bodies.

// body decodes the request body as one JSON object; an empty body is an
// empty object. Unknown fields are kept, and handlers ignore them.
func (c *req) body() (*obj, *failure) {
	data, err := io.ReadAll(io.LimitReader(c.r.Body, 1<<20))
	if err != nil {
		return nil, badRequest("", "Could not read the request body")
	}
	m := map[string]any{}
	if len(data) > 0 {
		if err := json.Unmarshal(data, &m); err != nil || m == nil {
			return nil, badRequest("", "Request body must be a JSON object")
		}
	}
	return &obj{m: m, check: &check{}}, nil
}

// check holds the first problem found while reading a body.
type check struct{ err *failure }

// obj reads and validates one JSON object of a body. Readers record the
// first problem in the shared check and return zero values after it, so a
// handler reads every field and then looks at err once.
type obj struct {
	m     map[string]any
	path  string // where m sits in the body, e.g. "llm_config."
	check *check
}

func (o *obj) err() *failure { return o.check.err }

func (o *obj) param(key string) string { return o.path + key }

func (o *obj) fail(f *failure) {
	if o.check.err == nil {
		o.check.err = f
	}
}

func (o *obj) invalid(key, format string, args ...any) {
	o.fail(badRequest(o.param(key), o.param(key)+" "+format, args...))
}

// has reports whether key is present, null included.
func (o *obj) has(key string) bool {
	_, ok := o.m[key]
	return ok
}

// set reports whether key is present and not null.
func (o *obj) set(key string) bool { return o.m[key] != nil }

// alias returns the first of keys present in the body, or keys[0].
func (o *obj) alias(keys ...string) string {
	for _, k := range keys {
		if o.has(k) {
			return k
		}
	}
	return keys[0]
}

func (o *obj) require(key string) bool {
	if o.set(key) {
		return true
	}
	o.fail(missingField(o.param(key)))
	return false
}

// str returns the string at key; "" when absent or null.
func (o *obj) str(key string, required bool) string {
	if required && !o.require(key) || !o.set(key) {
		return ""
	}
	s, ok := o.m[key].(string)
	if !ok {
		o.invalid(key, "must be a string")
	} else if required && s == "" {
		o.invalid(key, "must not be empty")
	}
	return s
}

// enum returns the string at key, which must be one of allowed.
func (o *obj) enum(key string, required bool, allowed []string) string {
	s := o.str(key, required)
	if s != "" && !slices.Contains(allowed, s) {
		o.invalid(key, "must be one of %v, got %q", allowed, s)
	}
	return s
}

// pattern returns the string at key, which must match re.
func (o *obj) pattern(key string, required bool, re *regexp.Regexp, what string) string {
	s := o.str(key, required)
	if s != "" && !re.MatchString(s) {
		o.invalid(key, "must be %s, got %q", what, s)
	}
	return s
}

// number returns the number at key, which must lie in [lo, hi].
func (o *obj) number(key string, required bool, lo, hi float64) (float64, bool) {
	if required && !o.require(key) || !o.set(key) {
		return 0, false
	}
	f, ok := o.m[key].(float64)
	if !ok {
		o.invalid(key, "must be a number")
		return 0, false
	}
	if f < lo || f > hi {
		o.invalid(key, "must be between %s and %s", fmtNum(lo), fmtNum(hi))
	}
	return f, true
}

// integer is number for whole numbers.
func (o *obj) integer(key string, required bool, lo, hi int) (int, bool) {
	f, ok := o.number(key, required, float64(lo), float64(hi))
	if ok && f != float64(int(f)) {
		o.invalid(key, "must be a whole number")
	}
	return int(f), ok
}

func (o *obj) boolean(key string) (bool, bool) {
	if !o.set(key) {
		return false, false
	}
	b, ok := o.m[key].(bool)
	if !ok {
		o.invalid(key, "must be true or false")
	}
	return b, ok
}

// object returns the object at key for reading; nil when absent or null.
func (o *obj) object(key string, required bool) *obj {
	if required && !o.require(key) || !o.set(key) {
		return nil
	}
	m, ok := o.m[key].(map[string]any)
	if !ok {
		o.invalid(key, "must be an object")
		return nil
	}
	return &obj{m: m, path: o.param(key) + ".", check: o.check}
}

// list returns the array at key; nil when absent or null.
func (o *obj) list(key string, required bool) []any {
	if required && !o.require(key) || !o.set(key) {
		return nil
	}
	l, ok := o.m[key].([]any)
	if !ok {
		o.invalid(key, "must be an array")
	}
	return l
}

// item returns element i of the array at key as an object.
func (o *obj) item(key string, i int, v any) *obj {
	m, ok := v.(map[string]any)
	name := fmt.Sprintf("%s[%d]", key, i)
	if !ok {
		o.invalid(name, "must be an object")
		return nil
	}
	return &obj{m: m, path: o.param(name) + ".", check: o.check}
}

// strings returns the array of strings at key.
func (o *obj) strings(key string, required bool) []string {
	var out []string
	for i, v := range o.list(key, required) {
		s, ok := v.(string)
		if !ok {
			o.invalid(fmt.Sprintf("%s[%d]", key, i), "must be a string")
			return nil
		}
		out = append(out, s)
	}
	return out
}

// stringMap returns the object of strings at key.
func (o *obj) stringMap(key string) map[string]string {
	sub := o.object(key, false)
	if sub == nil {
		return nil
	}
	out := make(map[string]string, len(sub.m))
	for k, v := range sub.m {
		s, ok := v.(string)
		if !ok {
			sub.invalid(k, "must be a string")
			return nil
		}
		out[k] = s
	}
	return out
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Formats.

var (
	e164 = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`)
	// sipURI is a SIP or SIPS URI, a transfer destination.
	sipURI = regexp.MustCompile(`^sips?:[^@\s]+@[^@\s]+$`)
	// timeOfDay is an HH:MM:SS campaign schedule time.
	timeOfDay = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$`)
	fqdn      = regexp.MustCompile(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
)

const e164Text = "an E.164 phone number like +31612345678"

// Pagination.

// paging reads limit and offset from the query: limit defaults to def and
// may not exceed max; above it the answer is 400 invalid_request.
func paging(c *req, def, max int) (limit, offset int, fail *failure) {
	q := c.r.URL.Query()
	limit, offset = def, 0
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > max {
			return 0, 0, badRequest("limit", "limit must be a whole number between 1 and %d", max)
		}
		limit = n
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return 0, 0, badRequest("offset", "offset must be a whole number of at least 0")
		}
		offset = n
	}
	return limit, offset, nil
}

// pageOf returns the items of one page.
func pageOf[T any](items []T, limit, offset int) []T {
	if offset >= len(items) {
		return []T{}
	}
	return items[offset:min(offset+limit, len(items))]
}

func pagination(total, limit, offset int) map[string]any {
	return map[string]any{"total": total, "limit": limit, "offset": offset}
}

// dateRange reads the start_date and end_date query parameters: ISO
// date-times, or plain dates.
func dateRange(c *req) (from, to time.Time, fail *failure) {
	parse := func(key string) (time.Time, *failure) {
		v := c.r.URL.Query().Get(key)
		if v == "" {
			return time.Time{}, nil
		}
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, v); err == nil {
				return t, nil
			}
		}
		return time.Time{}, badRequest(key, "%s must be an ISO 8601 date-time, got %q", key, v)
	}
	if from, fail = parse("start_date"); fail != nil {
		return
	}
	to, fail = parse("end_date")
	return
}

// within reports whether t lies in [from, to], either end open when zero.
func within(t, from, to time.Time) bool {
	return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
}

// Collections.

// store holds one organization's resources of one kind, oldest first.
type store[T any] struct {
	order []string
	byID  map[string]T
}

func (s *store[T]) add(id string, v T) {
	if s.byID == nil {
		s.byID = map[string]T{}
	}
	s.order = append(s.order, id)
	s.byID[id] = v
}

func (s *store[T]) get(id string) (T, bool) {
	v, ok := s.byID[id]
	return v, ok
}

func (s *store[T]) remove(id string) {
	delete(s.byID, id)
	s.order = slices.DeleteFunc(s.order, func(x string) bool { return x == id })
}

func (s *store[T]) all() []T {
	out := make([]T, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.byID[id])
	}
	return out
}

func (s *store[T]) len() int { return len(s.order) }

// views renders every item of items with view.
func views[T any](items []T, view func(T) map[string]any) []map[string]any {
	out := make([]map[string]any, 0, len(items))
	for _, v := range items {
		out = append(out, view(v))
	}
	return out
}

// doc is a resource kept as the JSON object the client sent, for resources
// with many free-form fields (assistants, templates, workflows).
type doc struct {
	id      string
	fields  map[string]any
	created time.Time
	updated time.Time
}

func newDoc(id string, fields map[string]any, now time.Time) *doc {
	return &doc{id: id, fields: fields, created: now, updated: now}
}

// view renders the document with its id and timestamps.
func (d *doc) view() map[string]any {
	out := maps.Clone(d.fields)
	out["id"], out["created_at"], out["updated_at"] = d.id, stamp(d.created), stamp(d.updated)
	return out
}

// patch lays fields over the stored ones: a key given replaces the stored
// value.
func (d *doc) patch(fields map[string]any, now time.Time) {
	maps.Copy(d.fields, fields)
	d.updated = now
}

func (d *doc) str(key string) string {
	s, _ := d.fields[key].(string)
	return s
}

// pick copies the keys of o that are allowed into a new map, dropping
// unknown fields.
func pick(o *obj, allowed ...string) map[string]any {
	out := map[string]any{}
	for _, k := range allowed {
		if v, ok := o.m[k]; ok {
			out[k] = v
		}
	}
	return out
}
