package tools

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// maxResultBytes bounds the JSON of one tool result: about 10,000 tokens
// at four bytes a token, and well under 20,000 even for text that
// tokenizes badly, whatever the API returns. The result carries this JSON
// twice, as structured content and as text; a client gives the model one.
const maxResultBytes = 40_000

// maxShapedBytes bounds a result as its shape leaves it: the handler may
// still add an untrusted_content marker (markUntrusted).
const maxShapedBytes = maxResultBytes - maxMarkerBytes

// page is the paging part of a list result.
type page struct {
	Count      int  `json:"count"`
	Total      *int `json:"total,omitempty"`
	Offset     int  `json:"offset"`
	HasMore    bool `json:"has_more"`
	NextOffset *int `json:"next_offset,omitempty"`
}

// listResult builds a list result: items under key plus paging. total is
// the API's count of all items, or -1 when unknown.
func listResult(key string, items []any, offset, total int) map[string]any {
	p := page{Count: len(items), Offset: offset}
	if total >= 0 {
		p.Total = &total
		p.HasMore = offset+len(items) < total
	}
	return withPage(map[string]any{key: items}, p)
}

func withPage(out map[string]any, p page) map[string]any {
	out["count"] = p.Count
	out["offset"] = p.Offset
	out["has_more"] = p.HasMore
	if p.Total != nil {
		out["total"] = *p.Total
	}
	if p.HasMore {
		out["next_offset"] = p.Offset + p.Count
	}
	return out
}

// fitList drops items from the end of a list result until it encodes
// within maxShapedBytes, and says so through has_more and next_offset, so
// that the rest is one call away. An item too big on its own is shrunk.
func fitList(out map[string]any, key string) map[string]any {
	items, _ := out[key].([]any)
	for len(items) > 1 && encodedSize(out) > maxShapedBytes {
		items = items[:len(items)*3/4]
		out[key] = items
		out["count"] = len(items)
		out["has_more"] = true
		out["next_offset"] = out["offset"].(int) + len(items)
	}
	return fitValue(out).(map[string]any)
}

// fitValue shortens the longest strings, arrays and objects in v until it
// encodes within maxShapedBytes. Every cut is marked in place with what
// was left out of the original.
func fitValue(v any) any {
	return fitValueWithin(v, maxShapedBytes)
}

// fitValueWithin is fitValue for a budget of its own, for a part of a
// result.
func fitValueWithin(v any, budget int) any {
	if encodedSize(v) <= budget {
		return v
	}
	for limit := 8000; limit >= 20; limit /= 2 {
		if cut := shortenTop(v, limit); encodedSize(cut) <= budget {
			return cut
		}
	}
	return emptied(v, encodedSize(v))
}

// emptied is the last resort for an answer no cut brings within bounds
// (unreachable for any answer seen so far): top-level numbers, booleans and
// short strings stay, arrays become empty and the rest is marked cut, so
// that the required keys of an output schema are still there.
func emptied(v any, size int) any {
	m, ok := v.(map[string]any)
	if !ok {
		return map[string]any{"_cut": fmt.Sprintf("the answer is too large to show (%d bytes of JSON)", size)}
	}
	out := map[string]any{"_cut": fmt.Sprintf("the answer is too large to show (%d bytes of JSON)", size)}
	for k, item := range m {
		switch x := item.(type) {
		case []any:
			out[k] = []any{}
		case map[string]any:
			out[k] = map[string]any{}
		case string:
			out[k] = truncateRunes(x, 200)
		default:
			out[k] = item
		}
	}
	return out
}

// shortenTop is shorten that keeps every key of a top-level object, which
// the tool's output schema may require.
func shortenTop(v any, limit int) any {
	m, ok := v.(map[string]any)
	if !ok {
		return shorten(v, limit, 0)
	}
	out := make(map[string]any, len(m))
	for k, item := range m {
		out[k] = shorten(item, limit, 1)
	}
	return out
}

// maxDepth is how deep shorten keeps nested arrays and objects; below it
// they are replaced by a mark, so that a deep value cannot crowd out the
// fields a model needs (an ID, a name) next to it.
const maxDepth = 12

// shorten cuts every string longer than limit runes, every array or
// object with more than limit/40 items or keys (at least 5), and whatever
// is nested deeper than maxDepth.
func shorten(v any, limit, depth int) any {
	keep := max(limit/40, 5)
	switch v.(type) {
	case []any, map[string]any:
		if depth >= maxDepth {
			return "[cut: nested too deep]"
		}
	}
	switch x := v.(type) {
	case string:
		if utf8.RuneCountInString(x) <= limit {
			return x
		}
		return truncateRunes(x, limit) + fmt.Sprintf(" … [cut: %d more characters]",
			utf8.RuneCountInString(x)-limit)
	case []any:
		out := make([]any, 0, min(len(x), keep+1))
		for i, item := range x {
			if i == keep {
				out = append(out, fmt.Sprintf("[cut: %d more items]", len(x)-keep))
				break
			}
			out = append(out, shorten(item, limit, depth+1))
		}
		return out
	case map[string]any:
		keys := slices.Sorted(maps.Keys(x))
		out := make(map[string]any, min(len(x), keep+1))
		for i, k := range keys {
			if i == keep {
				out["_cut"] = fmt.Sprintf("%d more keys", len(keys)-keep)
				break
			}
			out[k] = shorten(x[k], limit, depth+1)
		}
		return out
	}
	return v
}

// truncateRunes returns at most n runes of s, never splitting a UTF-8
// character.
func truncateRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := 0
	for count := 0; i < len(s) && count < n; count++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func encodedSize(v any) int {
	b, _ := json.Marshal(v) // values come from decoded JSON
	return len(b)
}

// prune removes nulls, and object fields holding empty strings, from a
// decoded JSON value, so that views carry only what is set. Empty objects
// and arrays stay: {} is often meaningful (an end_call tool's config, a
// tool without input schema).
func prune(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, item := range x {
			if item = prune(item); !isEmpty(item) {
				out[k] = item
			}
		}
		return out
	case []any:
		out := make([]any, 0, len(x))
		for _, item := range x {
			if item = prune(item); item != nil {
				out = append(out, item)
			}
		}
		return out
	}
	return v
}

func isEmpty(v any) bool {
	s, isString := v.(string)
	return v == nil || (isString && s == "")
}

// unwrap finds the value an answer carries under one of keys (the
// documented wrappers, first match wins), or the answer itself when it has
// none of them: the sources disagree on wrappers for several endpoints.
func unwrap(body any, keys ...string) any {
	m, ok := body.(map[string]any)
	if !ok {
		return body
	}
	for _, k := range keys {
		if v, ok := m[k]; ok {
			return v
		}
	}
	return body
}

// objectUnder finds the object an answer carries under one of keys, or
// the answer itself when it is the object (it has an id). Unlike unwrap it
// skips a key holding something else: an unwrapped number has a "number"
// string in the quickstart, an unwrapped domain a "domain" string in SDK 1.0.
func objectUnder(body any, keys ...string) (map[string]any, bool) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, false
	}
	for _, k := range keys {
		if obj, ok := m[k].(map[string]any); ok {
			return obj, true
		}
	}
	if _, ok := m["id"]; ok {
		return m, true
	}
	return nil, false
}

// asList returns the items of a list answer under one of keys, or an
// error saying which wrapper was missing.
func asList(body any, keys ...string) ([]any, error) {
	switch v := unwrap(body, keys...).(type) {
	case []any:
		return v, nil
	case nil:
		return []any{}, nil
	}
	return nil, fmt.Errorf("the answer has no %s list", strings.Join(keys, " or "))
}

// without returns a copy of an object with the named keys removed.
func without(v any, keys ...string) any {
	m, ok := v.(map[string]any)
	if !ok {
		return v
	}
	out := make(map[string]any, len(m))
	for k, item := range m {
		if !slices.Contains(keys, k) {
			out[k] = item
		}
	}
	return out
}
