package yamldoc

import (
	"bytes"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// parseJSON reads a JSON object into the very nodes yaml.v3 makes of it —
// kinds, tags, styles, values, lines and columns (columns count
// characters, as yaml.v3's do) — several times faster than yaml.v3, whose
// scanner takes a JSON document as a YAML flow mapping. JSON is what an API
// client sends polc serve, and the diagnostics must not change with the
// reader: so ok is false, and Parse hands the text to yaml.v3, for anything
// but a JSON object this reader is sure yaml.v3 reads the same way —
// invalid JSON, a byte order mark, a tab outside the object, a lone
// carriage return, the escape \/ (yaml.v3 knows no such escape), a key whose ':' is not on its line within 1,000
// characters (YAML's limit on a key is 1,024), a \u escape of half a
// surrogate pair, a character YAML refuses or reads as a line break
// (U+007F–U+009F, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF), nesting past
// maxJSONDepth. TestJSONAsYAML and FuzzJSONAsYAML hold it to yaml.v3.
func parseJSON(data []byte) (n *yaml.Node, ok bool) {
	p := jsonParser{data: data, line: 1, col: 1}
	// Room for every node at once, roughly: a string is two quotes, any
	// other scalar and any collection is followed by a comma or closed.
	p.nodes = make([]yaml.Node, 0, bytes.Count(data, []byte{'"'})/2+bytes.Count(data, []byte{','})+bytes.Count(data, []byte{'{'})+bytes.Count(data, []byte{'['})+1)
	if !p.space(false) || p.pos >= len(data) || data[p.pos] != '{' {
		return nil, false
	}
	n, ok = p.value(0)
	if !ok || !p.space(false) || p.pos != len(data) {
		return nil, false
	}
	return n, true
}

// maxJSONDepth is as deep as parseJSON goes; deeper, yaml.v3 reads the
// document (and the checker refuses it past MaxDepth).
const maxJSONDepth = MaxDepth + 8

type jsonParser struct {
	data      []byte
	pos       int
	line, col int // of data[pos], from 1; col counts characters
	// nodes are allocated together, a few allocations for a document
	// rather than one a node.
	nodes []yaml.Node
}

// node is a new node at the current position.
func (p *jsonParser) node(kind yaml.Kind, style yaml.Style, tag string) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, max(16, cap(p.nodes)/2))
	}
	p.nodes = append(p.nodes, yaml.Node{Kind: kind, Style: style, Tag: tag, Line: p.line, Column: p.col})
	return &p.nodes[len(p.nodes)-1]
}

// space skips white space; a tab is white space only inside the object
// (YAML's flow context).
func (p *jsonParser) space(inside bool) bool {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ':
			p.pos++
			p.col++
		case '\t':
			if !inside {
				return false
			}
			p.pos++
			p.col++
		case '\n':
			p.pos++
			p.line, p.col = p.line+1, 1
		case '\r':
			if p.pos+1 >= len(p.data) || p.data[p.pos+1] != '\n' {
				return false
			}
			p.pos += 2
			p.line, p.col = p.line+1, 1
		default:
			return true
		}
	}
	return true
}

func (p *jsonParser) value(depth int) (*yaml.Node, bool) {
	if depth > maxJSONDepth || p.pos >= len(p.data) {
		return nil, false
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	default:
		for _, word := range [...]string{"true", "false", "null"} {
			if len(p.data)-p.pos >= len(word) && string(p.data[p.pos:p.pos+len(word)]) == word {
				tag := "!!bool"
				if word == "null" {
					tag = "!!null"
				}
				return p.plain(len(word), tag), true
			}
		}
		return nil, false
	}
}

// plain makes the next size bytes (ASCII) a plain scalar, tagged as
// yaml.v3 resolves it (or as given, when that is sure).
func (p *jsonParser) plain(size int, tag string) *yaml.Node {
	n := p.node(yaml.ScalarNode, 0, tag)
	n.Value = string(p.data[p.pos : p.pos+size])
	if tag == "" {
		n.Tag = n.ShortTag()
	}
	p.pos += size
	p.col += size
	return n
}

func (p *jsonParser) object(depth int) (*yaml.Node, bool) {
	n := p.node(yaml.MappingNode, yaml.FlowStyle, "!!map")
	p.pos++
	p.col++
	if !p.space(true) {
		return nil, false
	}
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		p.col++
		return n, true
	}
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, false
		}
		line, col := p.line, p.col
		k, ok := p.str()
		if !ok || !p.space(true) || p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, false
		}
		// A YAML key is on one line, within 1,024 characters of its ':'.
		if p.line != line || p.col-col > 1000 {
			return nil, false
		}
		p.pos++
		p.col++
		if !p.space(true) {
			return nil, false
		}
		v, ok := p.value(depth + 1)
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, k, v)
		done, ok := p.separator('}')
		if !ok {
			return nil, false
		}
		if done {
			return n, true
		}
	}
}

// separator reads what follows a member or an element: a comma, more to
// come, or the closing bracket, done.
func (p *jsonParser) separator(closing byte) (done, ok bool) {
	if !p.space(true) || p.pos >= len(p.data) {
		return false, false
	}
	switch p.data[p.pos] {
	case ',':
		p.pos++
		p.col++
		return false, p.space(true)
	case closing:
		p.pos++
		p.col++
		return true, true
	}
	return false, false
}

func (p *jsonParser) array(depth int) (*yaml.Node, bool) {
	n := p.node(yaml.SequenceNode, yaml.FlowStyle, "!!seq")
	p.pos++
	p.col++
	if !p.space(true) {
		return nil, false
	}
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		p.col++
		return n, true
	}
	for {
		v, ok := p.value(depth + 1)
		if !ok {
			return nil, false
		}
		n.Content = append(n.Content, v)
		done, ok := p.separator(']')
		if !ok {
			return nil, false
		}
		if done {
			return n, true
		}
	}
}

// number reads a JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
func (p *jsonParser) number() (*yaml.Node, bool) {
	d, i := p.data, p.pos
	digits := func() bool {
		start := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		return i > start
	}
	if d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case !digits():
		return nil, false
	}
	// A whole number of up to 18 digits is an int to yaml.v3 (it fits
	// in int64), a decimal fraction without an exponent a float (it
	// cannot overflow one); any other number is resolved as yaml.v3
	// resolves it.
	tag := ""
	if i-p.pos <= 18 && (i >= len(d) || d[i] != '.' && d[i] != 'e' && d[i] != 'E') {
		tag = "!!int"
	}
	if i < len(d) && d[i] == '.' {
		i++
		if !digits() {
			return nil, false
		}
		if i-p.pos <= 300 {
			tag = "!!float"
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		tag = ""
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		if !digits() {
			return nil, false
		}
	}
	return p.plain(i-p.pos, tag), true
}

// str reads a JSON string as yaml.v3 reads a double-quoted scalar.
func (p *jsonParser) str() (*yaml.Node, bool) {
	n := p.node(yaml.ScalarNode, yaml.DoubleQuotedStyle, "!!str")
	d := p.data
	i := p.pos + 1
	chars := 1
	start := i
	var buf []byte // the value, once an escape makes it differ from the text
	for {
		if i >= len(d) {
			return nil, false
		}
		c := d[i]
		switch {
		case c == '"':
			if buf == nil {
				n.Value = string(d[start:i])
			} else {
				n.Value = string(append(buf, d[start:i]...))
			}
			p.pos = i + 1
			p.col += chars + 1
			return n, true
		case c == '\\':
			buf = append(buf, d[start:i]...)
			if i+1 >= len(d) {
				return nil, false
			}
			var r rune
			size := 2
			switch d[i+1] {
			case '"', '\\': // not \/, which yaml.v3 refuses
				r = rune(d[i+1])
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			case 'u':
				if i+6 > len(d) {
					return nil, false
				}
				for _, h := range d[i+2 : i+6] {
					switch {
					case h >= '0' && h <= '9':
						r = r<<4 | rune(h-'0')
					case h >= 'a' && h <= 'f':
						r = r<<4 | rune(h-'a'+10)
					case h >= 'A' && h <= 'F':
						r = r<<4 | rune(h-'A'+10)
					default:
						return nil, false
					}
				}
				if r >= 0xD800 && r <= 0xDFFF {
					return nil, false
				}
				size = 6
			default:
				return nil, false
			}
			buf = utf8.AppendRune(buf, r)
			i += size
			chars += size
			start = i
		case c < 0x20 || c == 0x7F:
			return nil, false
		case c < utf8.RuneSelf:
			i++
			chars++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size == 1 || r <= 0x9F || r == 0x2028 || r == 0x2029 || r == 0xFEFF || r >= 0xFFFE && r <= 0xFFFF {
				return nil, false
			}
			i += size
			chars++
		}
	}
}
