package tools

import "regexp"

// kind is the JSON type of an argument.
type kind int

const (
	kString kind = iota
	kInteger
	kNumber
	kBoolean
	kObject
	kArray
)

func (k kind) jsonType() string {
	return [...]string{"string", "integer", "number", "boolean", "object", "array"}[k]
}

// location is where an argument goes in the API request.
type location int

const (
	inBody  location = iota // a field of the JSON body
	inPath                  // fills the {name} placeholder of the path
	inQuery                 // a query-string parameter
	inTool                  // read by the tool itself (paging), never sent as is
)

// param declares one argument: its schema for clients and the rules its
// value is checked against when a call arrives. Build one with str, integer,
// number, boolean, object or array and refine it with the chained methods.
type param struct {
	name     string
	kind     kind
	in       location
	wire     string // name in the request when it differs from name
	required bool
	nullable bool // null is accepted and sent as null (it detaches or clears)
	doc      string
	enum     []string
	pattern  *regexp.Regexp
	hint     string // how to write a value matching pattern
	dateTime bool   // an ISO 8601 date-time or date
	dayEnd   bool   // a date alone means the end of that day (an end_date)
	external bool   // an _id of the user's own, not one of the API's (a chat contact)
	isSchema bool   // an object that is a JSON Schema of type object
	min, max *float64
	maxItems int
	def      any      // documented default, shown in the schema
	items    *param   // element of an array
	props    []param  // known properties of an object; other keys pass through
	only     []string // when set, the only other keys an object may have
}

func str(name, doc string) param     { return param{name: name, kind: kString, doc: doc} }
func integer(name, doc string) param { return param{name: name, kind: kInteger, doc: doc} }
func number(name, doc string) param  { return param{name: name, kind: kNumber, doc: doc} }
func boolean(name, doc string) param { return param{name: name, kind: kBoolean, doc: doc} }

func object(name, doc string, props ...param) param {
	return param{name: name, kind: kObject, doc: doc, props: props}
}

func array(name, doc string, items param) param {
	return param{name: name, kind: kArray, doc: doc, items: &items}
}

func (p param) req() param              { p.required = true; return p }
func (p param) inPath() param           { p.in, p.required = inPath, true; return p }
func (p param) inQuery() param          { p.in = inQuery; return p }
func (p param) local() param            { p.in = inTool; return p }
func (p param) as(wire string) param    { p.wire = wire; return p }
func (p param) orNull() param           { p.nullable = true; return p }
func (p param) oneOf(v ...string) param { p.enum = v; return p }
func (p param) byDefault(v any) param   { p.def = v; return p }
func (p param) upTo(n int) param        { p.maxItems = n; return p }
func (p param) moment() param           { p.dateTime = true; return p }
func (p param) momentUntil() param      { p.dateTime, p.dayEnd = true, true; return p }
func (p param) ownID() param            { p.external = true; return p }
func (p param) schemaOfObject() param   { p.isSchema = true; return p }

// webURL declares a URL the platform sends requests to.
func webURL(name, doc string) param {
	return str(name, doc).matching(`^https?://[^\s/?#]+[^\s]*$`, "an http(s) URL such as "+
		"https://hooks.example.org/voicedock")
}

// email declares an e-mail address argument.
func email(name, doc string) param {
	return str(name, doc).matching(`^[^@\s]+@[^@\s]+\.[^@\s]+$`, "an e-mail address such as ops@example.org")
}

// alsoOnly closes an object: besides its declared properties it takes only
// these keys, and any other is refused by name (a typo in a call that
// rings someone must not pass unnoticed).
func (p param) alsoOnly(keys ...string) param { p.only = keys; return p }

func (p param) between(lo, hi float64) param {
	p.min, p.max = &lo, &hi
	return p
}

func (p param) atLeast(lo float64) param {
	p.min = &lo
	return p
}

func (p param) matching(expr, hint string) param {
	p.pattern, p.hint = regexp.MustCompile(expr), hint
	return p
}

// e164 is the pattern of a phone number in E.164 form.
const e164 = `^\+[1-9][0-9]{6,14}$`

var e164Number = regexp.MustCompile(e164)

// maxIDLength bounds an ID in a path; the API's IDs are UUIDs or call IDs
// of a few dozen characters.
const maxIDLength = 256

// phone declares an E.164 phone-number argument.
func phone(name, doc string) param {
	return str(name, doc).matching(e164, "E.164 form: + then country code and number, digits only, "+
		"e.g. +31612345678")
}

// wireName is the argument's name in the API request.
func (p param) wireName() string {
	if p.wire != "" {
		return p.wire
	}
	return p.name
}

// schema renders p as a JSON Schema inside the subset every client accepts:
// a single type, string enums, no references or combinators.
func (p param) schema() map[string]any {
	s := map[string]any{"type": p.kind.jsonType()}
	if p.doc != "" {
		s["description"] = p.doc
	}
	if len(p.enum) > 0 {
		s["enum"] = p.enum
	}
	if p.pattern != nil {
		s["pattern"] = p.pattern.String()
	}
	if p.dateTime {
		s["format"] = "date-time"
	}
	if p.min != nil {
		s["minimum"] = *p.min
	}
	if p.max != nil {
		s["maximum"] = *p.max
	}
	if p.def != nil {
		s["default"] = p.def
	}
	switch p.kind {
	case kArray:
		s["items"] = p.items.schema()
		if p.maxItems > 0 {
			s["maxItems"] = p.maxItems
		}
	case kObject:
		s["properties"], s["required"] = propertiesSchema(p.props)
		if s["required"] == nil {
			delete(s, "required")
		}
	}
	return s
}

// propertiesSchema renders params as "properties" and "required" (nil when
// nothing is required, so that no empty list is sent).
func propertiesSchema(params []param) (map[string]any, any) {
	props := make(map[string]any, len(params))
	var required []string
	for _, p := range params {
		props[p.name] = p.schema()
		if p.required {
			required = append(required, p.name)
		}
	}
	if len(required) == 0 {
		return props, nil
	}
	return props, required
}
