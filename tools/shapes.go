package tools

import (
	"fmt"
)

// shapeFunc turns a decoded API answer into a tool's structured result.
type shapeFunc func(body any, args map[string]any) (any, error)

// one shapes an answer carrying one object under key (or one of alts, or
// unwrapped) into {key: object}.
func one(key string, alts ...string) shapeFunc {
	keys := append([]string{key}, alts...)
	return func(body any, _ map[string]any) (any, error) {
		obj, ok := objectUnder(body, keys...)
		if !ok {
			return nil, errNoObject(key)
		}
		return fitValue(map[string]any{key: prune(obj)}), nil
	}
}

// many shapes a list the API returns whole into one page of it, taken at
// the offset and limit arguments, each item passed through view (nil keeps
// it as is).
func many(key string, view func(map[string]any) any, alts ...string) shapeFunc {
	keys := append([]string{key}, alts...)
	return func(body any, args map[string]any) (any, error) {
		items, err := asList(body, keys...)
		if err != nil {
			return nil, err
		}
		offset, limit := int(argInt(args, "offset", 0)), int(argInt(args, "limit", 20))
		start, end := min(offset, len(items)), min(offset+limit, len(items))
		return fitList(listResult(key, views(items[start:end], view), offset, len(items)), key), nil
	}
}

// paged shapes a list the API pages itself ({key: [...], pagination:
// {total, limit, offset}}) into one page with has_more and next_offset.
// When the answer carries no paging and more items than were asked for,
// the API ignored limit and offset (some versions do): the tool then pages
// the whole list itself, as many does.
func paged(key string, view func(map[string]any) any, alts ...string) shapeFunc {
	keys := append([]string{key}, alts...)
	return func(body any, args map[string]any) (any, error) {
		items, err := asList(body, keys...)
		if err != nil {
			return nil, err
		}
		offset, limit := int(argInt(args, "offset", 0)), int(argInt(args, "limit", 20))
		total, known := reportedTotal(body)
		if !known && len(items) > limit {
			start, end := min(offset, len(items)), min(offset+limit, len(items))
			return fitList(listResult(key, views(items[start:end], view), offset, len(items)), key), nil
		}
		out := listResult(key, views(items, view), offset, total)
		if !known && len(items) == limit {
			out = withPage(out, page{Count: len(items), Offset: offset, HasMore: true})
		}
		if m, ok := body.(map[string]any); ok && m["summary"] != nil {
			out["summary"] = prune(m["summary"])
		}
		return fitList(out, key), nil
	}
}

// reportedTotal reads the total count of a paged answer, from its
// pagination object or a top-level total.
func reportedTotal(body any) (int, bool) {
	m, _ := body.(map[string]any)
	if p, ok := m["pagination"].(map[string]any); ok && p["total"] != nil {
		return int(numberOf(p["total"])), true
	}
	if m["total"] != nil {
		return int(numberOf(m["total"])), true
	}
	return -1, false
}

// deleted shapes the answer to a delete (which may be empty, 204) into
// {"success": true, "deleted": <what>} naming the argument that was the
// target.
func deleted(idArg string) shapeFunc {
	return func(body any, args map[string]any) (any, error) {
		if m, ok := body.(map[string]any); ok && m["success"] == false {
			return nil, fmt.Errorf("the API answered success: false (%v)", m["message"])
		}
		out := map[string]any{"success": true}
		if id, ok := args[idArg]; ok {
			out["deleted"] = id
		}
		return out, nil
	}
}

func views(items []any, view func(map[string]any) any) []any {
	out := make([]any, 0, len(items))
	for _, item := range items {
		m, ok := item.(map[string]any)
		switch {
		case !ok:
			out = append(out, item)
		case view != nil:
			out = append(out, prune(view(m)))
		default:
			out = append(out, prune(m))
		}
	}
	return out
}

// argInt reads a decoded integer argument, or def when it is absent.
func argInt(args map[string]any, name string, def int64) int64 {
	if v, ok := args[name].(int64); ok {
		return v
	}
	return def
}

// numberOf reads a JSON number that may arrive as a string, or a decoded
// integer argument.
func numberOf(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	case string:
		var f float64
		_, _ = fmt.Sscan(x, &f)
		return f
	}
	return 0
}

// field is one property of a result object, for output schemas: a name
// and a JSON type ("" leaves the type open, for fields the sources type
// differently, and for arrays, whose items a result schema leaves open).
type field struct{ name, typ string }

func fieldsSchema(fields []field) map[string]any {
	props := make(map[string]any, len(fields))
	for _, f := range fields {
		if f.typ == "" {
			props[f.name] = map[string]any{}
			continue
		}
		props[f.name] = map[string]any{"type": f.typ}
		if f.typ == "object" {
			props[f.name] = map[string]any{"type": f.typ, "properties": map[string]any{}}
		}
	}
	return map[string]any{"type": "object", "properties": props}
}

// objectOutput is the output schema of a result {key: object}.
func objectOutput(key string, fields ...field) map[string]any {
	return map[string]any{
		"type":       "object",
		"properties": map[string]any{key: fieldsSchema(fields)},
		"required":   []string{key},
	}
}

// listOutput is the output schema of a page {key: [objects], count, ...}.
func listOutput(key string, fields ...field) map[string]any {
	props := map[string]any{
		key:           map[string]any{"type": "array", "items": fieldsSchema(fields)},
		"count":       map[string]any{"type": "integer"},
		"total":       map[string]any{"type": "integer"},
		"offset":      map[string]any{"type": "integer"},
		"has_more":    map[string]any{"type": "boolean"},
		"next_offset": map[string]any{"type": "integer"},
	}
	return map[string]any{"type": "object", "properties": props, "required": []string{key, "count", "has_more"}}
}

// actionOutput is the output schema of a result that reports an action.
func actionOutput(fields ...field) map[string]any {
	return fieldsSchema(fields)
}

// deletedOutput is the output schema of the deleted shape.
var deletedOutput = actionOutput(field{"success", "boolean"}, field{"deleted", "string"})

// pageParams are the offset and limit arguments of a list tool. in is
// inQuery when the API pages the list, inTool when the tool does.
func pageParams(in location, def, maxLimit int) []param {
	limit := integer("limit", "Most items to return in this page.").between(1, float64(maxLimit)).byDefault(def)
	offset := integer("offset", "Items to skip: 0 for the first page, then next_offset from the previous "+
		"result.").atLeast(0).byDefault(0)
	limit.in, offset.in = in, in
	return []param{limit, offset}
}

func errNoObject(key string) error {
	return fmt.Errorf("the answer has no %s object", key)
}
