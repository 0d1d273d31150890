package tools

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// argProblems collects everything wrong with a call's arguments, so that
// one answer names every problem.
type argProblems []string

func (a *argProblems) add(path, format string, v ...any) {
	*a = append(*a, path+": "+fmt.Sprintf(format, v...))
}

// decodeArgs checks args against params and returns the values by argument
// name, converted to their declared types: numeric strings become numbers,
// "true"/"false" booleans. Absent optional arguments are left out; a null
// is kept only for nullable ones.
func decodeArgs(params []param, args map[string]any) (map[string]any, error) {
	var problems argProblems
	values := decodeProps("", params, args, &problems)
	if len(problems) > 0 {
		return nil, fmt.Errorf("invalid arguments: %s", strings.Join(problems, "; "))
	}
	return values, nil
}

func decodeProps(prefix string, params []param, args map[string]any, problems *argProblems) map[string]any {
	values := make(map[string]any, len(args))
	for _, p := range params {
		path := prefix + p.name
		raw, present := args[p.name]
		if present && (raw == nil || raw == "") && p.nullable {
			values[p.name] = nil
			continue
		}
		if (!present || raw == nil) && p.def != nil && (p.in == inQuery || p.in == inTool) {
			raw, present = p.def, true // the tool's own default, e.g. a small page
			if n, isInt := raw.(int); isInt {
				raw = float64(n)
			}
		}
		if !present || raw == nil {
			if p.required {
				problems.add(path, "is required (%s)", p.doc)
			}
			continue
		}
		if v, ok := p.decode(path, raw, problems); ok {
			values[p.name] = v
		}
	}
	return values
}

// decode converts one value to p's type and checks its rules.
func (p param) decode(path string, raw any, problems *argProblems) (any, bool) {
	switch p.kind {
	case kString:
		return p.decodeString(path, raw, problems)
	case kInteger, kNumber:
		return p.decodeNumber(path, raw, problems)
	case kBoolean:
		return decodeBool(path, raw, problems)
	case kObject:
		return p.decodeObject(path, raw, problems)
	default:
		return p.decodeArray(path, raw, problems)
	}
}

func (p param) decodeString(path string, raw any, problems *argProblems) (any, bool) {
	s, ok := raw.(string)
	if !ok {
		problems.add(path, "must be a string, got %s", describe(raw))
		return nil, false
	}
	if s == "" && p.nullable {
		return nil, true
	}
	switch {
	case strings.TrimSpace(s) == "" && p.required:
		problems.add(path, "must not be empty or blank")
	case strings.ContainsFunc(s, isStrayControl):
		problems.add(path, "holds a control character (such as NUL); send plain text")
	case p.isID() && len(s) > maxIDLength:
		problems.add(path, "is %d characters long, too long to be an ID", len(s))
	case p.isID() && e164Number.MatchString(s):
		problems.add(path, "%q is a phone number, not an ID; the matching list_ tool shows each one's ID",
			clip(s))
	case p.in == inPath && (s == "." || s == ".." || strings.ContainsAny(s, "/\\\uFFFD")),
		p.isID() && strings.ContainsFunc(s, isInvisible):
		problems.add(path, "%q cannot be an ID: IDs have no slashes, dots alone, control, invisible or "+
			"broken characters; copy the ID as the matching list_ tool shows it", clip(s))
	case len(p.enum) > 0 && !slices.Contains(p.enum, s):
		problems.add(path, "%q is not one of %s", clip(s), strings.Join(p.enum, ", "))
	case p.pattern != nil && !p.pattern.MatchString(s):
		problems.add(path, "%q is not in %s", clip(s), p.hint)
	case p.dateTime && !isMoment(s):
		problems.add(path, "%q is not an ISO 8601 date-time such as 2026-11-01T00:00:00Z or a date such "+
			"as 2026-11-01", clip(s))
	case p.dateTime && len(s) == len(time.DateOnly):
		return wholeDay(s, p.dayEnd), true
	default:
		return s, true
	}
	return nil, false
}

func (p param) decodeNumber(path string, raw any, problems *argProblems) (any, bool) {
	var f float64
	switch v := raw.(type) {
	case float64:
		f = v
	case int:
		f = float64(v)
	case int64:
		f = float64(v)
	case json.Number:
		f, _ = v.Float64()
	case string:
		parsed, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil || math.IsInf(parsed, 0) || math.IsNaN(parsed) {
			problems.add(path, "must be a number, got %q", clip(v))
			return nil, false
		}
		f = parsed
	default:
		problems.add(path, "must be a number, got %s", describe(raw))
		return nil, false
	}
	switch {
	case p.kind == kInteger && (f != math.Trunc(f) || math.Abs(f) > 1<<53):
		problems.add(path, "must be a whole number, got %v", f)
	case p.min != nil && f < *p.min:
		problems.add(path, "must be at least %v, got %v", *p.min, f)
	case p.max != nil && f > *p.max:
		problems.add(path, "must be at most %v, got %v", *p.max, f)
	case p.kind == kInteger:
		return int64(f), true
	default:
		return f, true
	}
	return nil, false
}

func decodeBool(path string, raw any, problems *argProblems) (any, bool) {
	switch v := raw.(type) {
	case bool:
		return v, true
	case string:
		if b, err := strconv.ParseBool(strings.TrimSpace(v)); err == nil {
			return b, true
		}
	}
	problems.add(path, "must be true or false, got %s", describe(raw))
	return nil, false
}

func (p param) decodeObject(path string, raw any, problems *argProblems) (any, bool) {
	m, ok := raw.(map[string]any)
	if !ok {
		problems.add(path, "must be a JSON object, got %s", describe(raw))
		return nil, false
	}
	if t, given := m["type"]; p.isSchema && given && t != "object" {
		problems.add(path, "must be a JSON Schema of type object, e.g. {\"type\":\"object\",\"properties\":{…}}; "+
			"got type %s", describe(t))
	}
	known := decodeProps(path+".", p.props, m, problems)
	if p.only != nil {
		p.refuseUnknownKeys(path, m, problems)
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		if !slices.ContainsFunc(p.props, func(prop param) bool { return prop.name == k }) {
			out[k] = v // provider-specific extras pass through unchanged
		}
	}
	for k, v := range known {
		out[k] = v // declared ones as decoded: converted, and absent when null
	}
	return out, true
}

// refuseUnknownKeys names the keys of m that a closed object does not take.
func (p param) refuseUnknownKeys(path string, m map[string]any, problems *argProblems) {
	takes := slices.Clone(p.only)
	for _, prop := range p.props {
		takes = append(takes, prop.name)
	}
	slices.Sort(takes)
	takes = slices.Compact(takes)
	var unknown []string
	for k := range m {
		if !slices.Contains(takes, k) {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		slices.Sort(unknown)
		problems.add(path, "does not take %s; it takes %s", strings.Join(unknown, ", "), strings.Join(takes, ", "))
	}
}

func (p param) decodeArray(path string, raw any, problems *argProblems) (any, bool) {
	list, ok := raw.([]any)
	if !ok {
		problems.add(path, "must be a JSON array, got %s", describe(raw))
		return nil, false
	}
	if p.maxItems > 0 && len(list) > p.maxItems {
		problems.add(path, "has %d items; at most %d are allowed", len(list), p.maxItems)
		return nil, false
	}
	out := make([]any, 0, len(list))
	for i, item := range list {
		if item == nil {
			problems.add(fmt.Sprintf("%s[%d]", path, i), "must not be null")
			continue
		}
		if v, ok := p.items.decode(fmt.Sprintf("%s[%d]", path, i), item, problems); ok {
			out = append(out, v)
		}
	}
	return out, true
}

// isStrayControl reports a control character no text argument needs:
// anything below U+0020 but tab, line feed and carriage return (prompts
// and messages may span lines), and DEL.
func isStrayControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}

// isInvisible reports a character that has no place in an ID: a control
// character or a bidirectional override that hides what an ID says.
func isInvisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r)
}

// describe names the JSON type of a value, for error messages.
func describe(v any) string {
	switch x := v.(type) {
	case string:
		return fmt.Sprintf("the string %q", clip(x))
	case float64, json.Number:
		return fmt.Sprintf("the number %v", x)
	case bool:
		return fmt.Sprintf("%v", x)
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	}
	return "null"
}

// clip shortens a value quoted in an error message.
func clip(s string) string {
	return truncateRunes(s, 60)
}

// isID reports whether p names something by the API's ID: a path
// segment, or an argument whose name ends in _id that is not the user's
// own identifier (a chat contact may be a phone number or an e-mail).
func (p param) isID() bool {
	return p.in == inPath || strings.HasSuffix(p.name, "_id") && !p.external
}

// wholeDay turns a date alone into the date-time the API compares with:
// the start of that day (UTC), or its last millisecond for an end.
func wholeDay(date string, end bool) string {
	if end {
		return date + "T23:59:59.999Z"
	}
	return date + "T00:00:00Z"
}

// isMoment reports whether s is an RFC 3339 date-time or a plain date.
func isMoment(s string) bool {
	return !parseMoment(s).IsZero()
}

// parseMoment reads an RFC 3339 date-time, one without a zone (read as
// UTC) or a plain date; the zero time when s is none of them.
func parseMoment(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
