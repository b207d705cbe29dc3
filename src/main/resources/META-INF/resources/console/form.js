// Builds an editable form from a schema of the published contract (/q/openapi), so the form has
// exactly the contract's fields, enum values and limits. The form edits a plain object (the model);
// the JSON editor shows the same object. Every input carries the field's wire path (data-path),
// which is where the API's field errors are shown.

function resolve(doc, schema) {
  let s = schema || {};
  while (s.$ref) {
    const extra = Object.assign({}, s);
    delete extra.$ref;
    s = Object.assign({}, s.$ref.split('/').slice(1).reduce((o, k) => o[k], doc), extra);
  }
  return s;
}

function pathText(path) {
  return path.reduce((text, k) => typeof k === 'number' ? `${text}[${k}]` : (text ? `${text}.${k}` : k), '');
}

function getAt(model, path) {
  return path.reduce((o, k) => (o == null ? undefined : o[k]), model);
}

function setAt(model, path, value) {
  let o = model;
  for (let i = 0; i < path.length - 1; i++) {
    if (o[path[i]] == null) o[path[i]] = typeof path[i + 1] === 'number' ? [] : {};
    o = o[path[i]];
  }
  const last = path[path.length - 1];
  if (value === undefined) { if (Array.isArray(o)) o[last] = undefined; else delete o[last]; } else o[last] = value;
}

// Drops unset values and empty objects, so the JSON shows only what was entered.
function pruned(value) {
  if (Array.isArray(value)) return value.map(pruned).filter(v => v !== undefined);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruned(v);
      if (p !== undefined && !(p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0)) out[k] = p;
    }
    return out;
  }
  return value === '' ? undefined : value;
}

// The schema name a property refers to (#/components/schemas/Channel → Channel), which names its enum's words.
function refName(raw) {
  return raw && raw.$ref ? raw.$ref.split('/').pop() : null;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  }
  children.flat().forEach(c => c != null && e.append(c));
  return e;
}

function fieldId(prefix, path) {
  return prefix + '-' + pathText(path).replace(/[^A-Za-z0-9]+/g, '-');
}

// The variant schema a discriminated object (a demand) takes for its 'type', from the contract's
// discriminator mapping; its keys are the types, in the contract's order.
function variantFor(doc, schema, type) {
  const ref = ((schema.discriminator || {}).mapping || {})[type];
  return ref ? resolve(doc, { $ref: ref }) : null;
}

function discriminatorValues(schema) {
  return Object.keys((schema.discriminator || {}).mapping || {});
}

class SchemaForm {
  constructor(doc, schemaName, container, prefix, onChange) {
    this.doc = doc;
    this.root = resolve(doc, { $ref: '#/components/schemas/' + schemaName });
    this.container = container;
    this.prefix = prefix;
    this.onChange = onChange || (() => {});
    this.model = {};
  }

  value() { return pruned(this.model) || {}; }

  load(model) { this.model = JSON.parse(JSON.stringify(model || {})); this.render(); }

  render() {
    this.container.replaceChildren(this.object(this.root, [], null));
    this.onChange();
  }

  changed() { this.onChange(); }

  // A field's label in the reader's words, with its wire name for people who also write the JSON.
  label(id, path, name, required) {
    const words = fieldWords(path.filter(k => typeof k !== 'number').join('.'), this.prefix);
    return el('label', { for: id }, words || name, words ? [' ', el('code', { class: 'wire', text: name })] : null, required ? ' *' : '');
  }

  legend(path, name) {
    const words = fieldWords(path.filter(k => typeof k !== 'number').join('.'), this.prefix);
    return el('legend', {}, words || name, words ? [' ', el('code', { class: 'wire', text: name })] : null);
  }

  // An enum value in the reader's words, with the code it is sent as.
  option(enumName, v, selected) {
    const words = enumName ? enumWord(enumName, v) : String(v);
    return el('option', { value: String(v), text: words !== String(v) ? `${words} (${v})` : String(v), selected });
  }

  // A field's help in the chosen language: the same text for every item of an array.
  help(path, contractDescription) {
    return fieldHint(this.prefix, path.filter(k => typeof k !== 'number').join('.')) || contractDescription;
  }

  object(schema, path, legend) {
    const props = schema.properties || {};
    const simple = el('div', { class: 'fields' });
    const nested = [];
    for (const [name, raw] of Object.entries(props)) {
      if (path.length && name === 'type' && schema.__discriminated) continue;
      const prop = resolve(this.doc, raw);
      const p = path.concat(name);
      const required = (schema.required || []).includes(name);
      if (prop.type === 'object' && prop.properties) nested.push(this.object(prop, p, name));
      else if (prop.type === 'array') nested.push(this.array(prop, p, name));
      else simple.append(this.field(prop, raw, p, name, required));
    }
    const body = [simple, ...nested];
    if (legend === null) return el('div', {}, body);
    return el('fieldset', { 'data-path': pathText(path) }, this.legend(path, legend),
      el('p', { class: 'field-error', role: 'alert' }), body);
  }

  field(prop, raw, path, name, required) {
    const id = fieldId(this.prefix, path);
    const current = getAt(this.model, path);
    const description = this.help(path, raw.description || prop.description);
    const hintText = [description, prop.default !== undefined ? `${t('defaultIs')}: ${prop.default}` : null]
      .filter(Boolean).join(' · ');
    const hint = el('span', { class: 'hint', id: id + '-hint', text: hintText });
    const error = el('span', { class: 'field-error', id: id + '-error', role: 'alert' });
    let input;
    const update = (v) => { setAt(this.model, path, v); this.changed(); };
    if (prop.enum || prop.type === 'boolean') {
      const values = prop.enum || [true, false];
      input = el('select', { id, 'data-path': pathText(path), 'aria-describedby': `${id}-hint ${id}-error`, required },
        el('option', { value: '', text: t('unset') }),
        values.map(v => this.option(prop.enum ? refName(raw) || INLINE_ENUMS[this.prefix + '.' + name] : 'Boolean', v, current === v)));
      input.addEventListener('change', () => {
        const v = input.value;
        update(v === '' ? undefined : prop.type === 'boolean' ? v === 'true' : v);
      });
    } else {
      const numeric = prop.type === 'integer' || prop.type === 'number';
      input = el('input', {
        id, 'data-path': pathText(path), 'aria-describedby': `${id}-hint ${id}-error`, required,
        type: numeric ? 'number' : 'text', min: prop.minimum, max: prop.maximum, maxlength: prop.maxLength,
        step: prop.type === 'integer' ? 1 : (numeric ? 'any' : undefined),
        placeholder: prop.format === 'date-time' ? '2026-11-23T21:10:00+09:00' : undefined,
        value: current === undefined ? '' : String(current)
      });
      input.addEventListener('input', () => {
        const v = input.value;
        update(v === '' ? undefined : numeric && !isNaN(Number(v)) ? Number(v) : v);
      });
    }
    return el('div', { class: 'field' }, this.label(id, path, name, required), input, hint, error);
  }

  array(prop, path, name) {
    const items = resolve(this.doc, prop.items);
    const list = getAt(this.model, path) || [];
    const description = this.help(path, prop.description);
    const set = el('fieldset', { 'data-path': pathText(path) }, this.legend(path, name),
      description ? el('p', { class: 'hint', text: description }) : null, el('p', { class: 'field-error', role: 'alert' }));
    const itemLabel = items.enum ? t('conductItem') : t('demand');
    list.forEach((value, i) => {
      const p = path.concat(i);
      const remove = el('button', { type: 'button', text: `${t('remove')} (${itemLabel} ${i + 1})`,
        onclick: () => { list.splice(i, 1); setAt(this.model, path, list.length ? list : undefined); this.render(); } });
      if (items.enum) {
        const id = fieldId(this.prefix, p);
        const select = el('select', { id, 'data-path': pathText(p), 'aria-describedby': id + '-error' },
          items.enum.map(v => this.option(refName(prop.items), v, value === v)));
        select.addEventListener('change', () => { list[i] = select.value; this.changed(); });
        set.append(el('div', { class: 'row' }, el('label', { for: id, text: `${itemLabel} ${i + 1}` }), select, remove,
          el('span', { class: 'field-error', id: id + '-error', role: 'alert' })));
      } else {
        set.append(this.discriminated(items, p, `${itemLabel} ${i + 1}`, remove));
      }
    });
    const add = el('button', { type: 'button', text: items.enum ? t('addConduct') : t('addDemand'),
      onclick: () => {
        const first = items.enum ? items.enum[0] : { type: discriminatorValues(items)[0] };
        setAt(this.model, path, list.concat([first]));
        this.render();
        const added = this.container.querySelector(`[data-path="${pathText(path.concat(list.length))}"] select, select[data-path="${pathText(path.concat(list.length))}"]`);
        if (added) added.focus();
      } });
    set.append(el('div', { class: 'row' }, add));
    return set;
  }

  // One demand: its type, then exactly the fields the contract allows for that type.
  discriminated(schema, path, legend, remove) {
    const value = getAt(this.model, path) || {};
    const id = fieldId(this.prefix, path.concat('type'));
    const select = el('select', { id, 'data-path': pathText(path.concat('type')), 'aria-describedby': id + '-error' },
      discriminatorValues(schema).map(v => this.option('DemandType', v, value.type === v)));
    select.addEventListener('change', () => {
      const variant = variantFor(this.doc, schema, select.value);
      const kept = { type: select.value };
      for (const k of Object.keys((variant && variant.properties) || {})) if (k !== 'type' && value[k] !== undefined) kept[k] = value[k];
      setAt(this.model, path, kept);
      this.render();
      const again = document.getElementById(id);
      if (again) again.focus();
    });
    const variant = variantFor(this.doc, schema, value.type);
    const typeField = el('div', { class: 'field' }, this.label(id, path.concat('type'), 'type', true), select,
      el('span', { class: 'field-error', id: id + '-error', role: 'alert' }));
    const fields = variant ? this.object(Object.assign({}, variant, { __discriminated: true }), path, null) : el('div');
    return el('fieldset', { 'data-path': pathText(path) }, el('legend', { text: legend }),
      el('p', { class: 'field-error', role: 'alert' }), el('div', { class: 'fields' }, typeField), fields, el('div', { class: 'row' }, remove));
  }

  clearErrors() {
    this.container.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
    this.container.querySelectorAll('.invalid').forEach(e => e.classList.remove('invalid'));
  }

  // Puts each API error next to the field it names, or the nearest enclosing part of the form.
  showErrors(errors) {
    this.clearErrors();
    const unplaced = [];
    for (const err of errors) {
      let path = err.path || '';
      let target = null;
      while (path && !target) {
        target = this.container.querySelector(`[data-path="${CSS.escape(path)}"]`);
        const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (parent === path) break;
        path = parent;
      }
      if (!target) { unplaced.push(err); continue; }
      target.classList.add('invalid');
      const slot = target.tagName === 'FIELDSET' ? target.querySelector(':scope > .field-error')
        : document.getElementById(target.id + '-error');
      if (slot) slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + violationText(err);
      else unplaced.push(err);
    }
    return unplaced;
  }
}
