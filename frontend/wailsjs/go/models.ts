export namespace core {
	
	export class Info {
	    version: string;
	    data_dir: string;
	    template: string;
	    zone: string;
	    empty: boolean;
	    profiles: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.data_dir = source["data_dir"];
	        this.template = source["template"];
	        this.zone = source["zone"];
	        this.empty = source["empty"];
	        this.profiles = source["profiles"];
	    }
	}
	export class Preferences {
	    language: string;
	
	    static createFrom(source: any = {}) {
	        return new Preferences(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.language = source["language"];
	    }
	}

}

export namespace demo {
	
	export class Summary {
	    profiles: number;
	    systems: number;
	    dossiers: number;
	    events: number;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profiles = source["profiles"];
	        this.systems = source["systems"];
	        this.dossiers = source["dossiers"];
	        this.events = source["events"];
	    }
	}

}

export namespace dossier {
	
	export class ChecklistEntry {
	    item: string;
	    status: string;
	    note: string;
	    by: string;
	    // Go type: time
	    at: any;
	    event: string;
	
	    static createFrom(source: any = {}) {
	        return new ChecklistEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.status = source["status"];
	        this.note = source["note"];
	        this.by = source["by"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ContentItem {
	    kind: string;
	    ref: string;
	    title: string;
	
	    static createFrom(source: any = {}) {
	        return new ContentItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.ref = source["ref"];
	        this.title = source["title"];
	    }
	}
	export class CreateRequest {
	    system_code: string;
	    title?: string;
	    type?: string;
	    subtype?: string;
	    mode?: string;
	    version?: string;
	    content?: ContentItem[];
	    planned_at?: string;
	    project_manager?: string;
	    system_owner?: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.system_code = source["system_code"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.subtype = source["subtype"];
	        this.mode = source["mode"];
	        this.version = source["version"];
	        this.content = this.convertValues(source["content"], ContentItem);
	        this.planned_at = source["planned_at"];
	        this.project_manager = source["project_manager"];
	        this.system_owner = source["system_owner"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Fields {
	    title?: string;
	    type?: string;
	    subtype?: string;
	    mode?: string;
	    version?: string;
	    content?: ContentItem[];
	    planned_at?: string;
	    project_manager?: string;
	    system_owner?: string;
	
	    static createFrom(source: any = {}) {
	        return new Fields(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.type = source["type"];
	        this.subtype = source["subtype"];
	        this.mode = source["mode"];
	        this.version = source["version"];
	        this.content = this.convertValues(source["content"], ContentItem);
	        this.planned_at = source["planned_at"];
	        this.project_manager = source["project_manager"];
	        this.system_owner = source["system_owner"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Filter {
	    stage: string;
	    system_code: string;
	    type: string;
	    mode: string;
	    month: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stage = source["stage"];
	        this.system_code = source["system_code"];
	        this.type = source["type"];
	        this.mode = source["mode"];
	        this.month = source["month"];
	        this.text = source["text"];
	    }
	}
	export class HistoryEntry {
	    event: string;
	    kind: string;
	    author: string;
	    author_name: string;
	    fingerprint: string;
	    // Go type: time
	    at: any;
	    params: Record<string, string>;
	    ignored: boolean;
	
	    static createFrom(source: any = {}) {
	        return new HistoryEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event = source["event"];
	        this.kind = source["kind"];
	        this.author = source["author"];
	        this.author_name = source["author_name"];
	        this.fingerprint = source["fingerprint"];
	        this.at = this.convertValues(source["at"], null);
	        this.params = source["params"];
	        this.ignored = source["ignored"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class State {
	    id: string;
	    template: string;
	    system_code: string;
	    zone: string;
	    title: string;
	    type: string;
	    subtype: string;
	    mode: string;
	    version: string;
	    content: ContentItem[];
	    // Go type: time
	    planned_at: any;
	    project_manager: string;
	    system_owner: string;
	    stage: string;
	    checklist: Record<string, ChecklistEntry>;
	    notes: number;
	    // Go type: time
	    created_at: any;
	    created_by: string;
	    // Go type: time
	    updated_at: any;
	    heads: string[];
	    events: number;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.template = source["template"];
	        this.system_code = source["system_code"];
	        this.zone = source["zone"];
	        this.title = source["title"];
	        this.type = source["type"];
	        this.subtype = source["subtype"];
	        this.mode = source["mode"];
	        this.version = source["version"];
	        this.content = this.convertValues(source["content"], ContentItem);
	        this.planned_at = this.convertValues(source["planned_at"], null);
	        this.project_manager = source["project_manager"];
	        this.system_owner = source["system_owner"];
	        this.stage = source["stage"];
	        this.checklist = this.convertValues(source["checklist"], ChecklistEntry, true);
	        this.notes = source["notes"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.created_by = source["created_by"];
	        this.updated_at = this.convertValues(source["updated_at"], null);
	        this.heads = source["heads"];
	        this.events = source["events"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Summary {
	    id: string;
	    title: string;
	    system_code: string;
	    type: string;
	    subtype: string;
	    mode: string;
	    version: string;
	    stage: string;
	    // Go type: time
	    planned_at: any;
	    // Go type: time
	    updated_at: any;
	    project_manager: string;
	    content_refs: string[];
	    checklist_done: number;
	    checklist_total: number;
	    system_name: string;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.system_code = source["system_code"];
	        this.type = source["type"];
	        this.subtype = source["subtype"];
	        this.mode = source["mode"];
	        this.version = source["version"];
	        this.stage = source["stage"];
	        this.planned_at = this.convertValues(source["planned_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	        this.project_manager = source["project_manager"];
	        this.content_refs = source["content_refs"];
	        this.checklist_done = source["checklist_done"];
	        this.checklist_total = source["checklist_total"];
	        this.system_name = source["system_name"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class View {
	    state: State;
	    history: HistoryEntry[];
	    system_name: string;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = this.convertValues(source["state"], State);
	        this.history = this.convertValues(source["history"], HistoryEntry);
	        this.system_name = source["system_name"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace profile {
	
	export class CreateRequest {
	    name: string;
	    department: string;
	    roles: string[];
	    passphrase: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.department = source["department"];
	        this.roles = source["roles"];
	        this.passphrase = source["passphrase"];
	    }
	}
	export class Summary {
	    id: string;
	    public_key: string;
	    name: string;
	    department: string;
	    roles: string[];
	    fingerprint: string;
	    // Go type: time
	    created_at: any;
	    default: boolean;
	    sample: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.public_key = source["public_key"];
	        this.name = source["name"];
	        this.department = source["department"];
	        this.roles = source["roles"];
	        this.fingerprint = source["fingerprint"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.default = source["default"];
	        this.sample = source["sample"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace system {
	
	export class System {
	    code: string;
	    name: string;
	    department: string;
	    owner: string;
	    class: string;
	    web_facing: boolean;
	    calls: string[];
	    // Go type: time
	    updated_at: any;
	
	    static createFrom(source: any = {}) {
	        return new System(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.department = source["department"];
	        this.owner = source["owner"];
	        this.class = source["class"];
	        this.web_facing = source["web_facing"];
	        this.calls = source["calls"];
	        this.updated_at = this.convertValues(source["updated_at"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace template {
	
	export class Text {
	    zh: string;
	    en: string;
	
	    static createFrom(source: any = {}) {
	        return new Text(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.zh = source["zh"];
	        this.en = source["en"];
	    }
	}
	export class ChecklistItem {
	    id: string;
	    group: string;
	    no: number;
	    title: Text;
	    hint: Text;
	    document?: string;
	
	    static createFrom(source: any = {}) {
	        return new ChecklistItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.group = source["group"];
	        this.no = source["no"];
	        this.title = this.convertValues(source["title"], Text);
	        this.hint = this.convertValues(source["hint"], Text);
	        this.document = source["document"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Deliverable {
	    id: string;
	    name: Text;
	    required: boolean;
	    document?: string;
	
	    static createFrom(source: any = {}) {
	        return new Deliverable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.required = source["required"];
	        this.document = source["document"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Item {
	    id: string;
	    text: Text;
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = this.convertValues(source["text"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class CountersignRow {
	    id: string;
	    role: string;
	    label: Text;
	    items?: Item[];
	    deliverables?: Deliverable[];
	
	    static createFrom(source: any = {}) {
	        return new CountersignRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.role = source["role"];
	        this.label = this.convertValues(source["label"], Text);
	        this.items = this.convertValues(source["items"], Item);
	        this.deliverables = this.convertValues(source["deliverables"], Deliverable);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Department {
	    id: string;
	    name: Text;
	    parent?: string;
	    relative?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Department(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.parent = source["parent"];
	        this.relative = source["relative"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Document {
	    id: string;
	    no: number;
	    name: Text;
	
	    static createFrom(source: any = {}) {
	        return new Document(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.name = this.convertValues(source["name"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Step {
	    id: string;
	    no: number;
	    name: Text;
	    kind: string;
	    department?: string;
	    role?: string;
	    role_label: Text;
	    items?: Item[];
	    deliverables?: Deliverable[];
	    rows?: CountersignRow[];
	    filed_to?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.name = this.convertValues(source["name"], Text);
	        this.kind = source["kind"];
	        this.department = source["department"];
	        this.role = source["role"];
	        this.role_label = this.convertValues(source["role_label"], Text);
	        this.items = this.convertValues(source["items"], Item);
	        this.deliverables = this.convertValues(source["deliverables"], Deliverable);
	        this.rows = this.convertValues(source["rows"], CountersignRow);
	        this.filed_to = source["filed_to"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Flow {
	    id: string;
	    release_type: string;
	    name: Text;
	    steps: Step[];
	
	    static createFrom(source: any = {}) {
	        return new Flow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.release_type = source["release_type"];
	        this.name = this.convertValues(source["name"], Text);
	        this.steps = this.convertValues(source["steps"], Step);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Mode {
	    id: string;
	    name: Text;
	    note: Text;
	    frequency: Text;
	    signature_role?: string;
	    not_fully_tested?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Mode(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.note = this.convertValues(source["note"], Text);
	        this.frequency = this.convertValues(source["frequency"], Text);
	        this.signature_role = source["signature_role"];
	        this.not_fully_tested = source["not_fully_tested"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Option {
	    id: string;
	    name: Text;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReleaseType {
	    id: string;
	    name: Text;
	    description: Text;
	    note: Text;
	    subtypes?: Option[];
	    flow_id: string;
	
	    static createFrom(source: any = {}) {
	        return new ReleaseType(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.description = this.convertValues(source["description"], Text);
	        this.note = this.convertValues(source["note"], Text);
	        this.subtypes = this.convertValues(source["subtypes"], Option);
	        this.flow_id = source["flow_id"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Revision {
	    version: string;
	    date: string;
	    author: string;
	    note: Text;
	
	    static createFrom(source: any = {}) {
	        return new Revision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.date = source["date"];
	        this.author = source["author"];
	        this.note = this.convertValues(source["note"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Role {
	    id: string;
	    name: Text;
	    department?: string;
	    duty: Text;
	
	    static createFrom(source: any = {}) {
	        return new Role(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.department = source["department"];
	        this.duty = this.convertValues(source["duty"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Settings {
	    approvals_carry_over: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approvals_carry_over = source["approvals_carry_over"];
	    }
	}
	export class Stage {
	    id: string;
	    name: Text;
	    title: Text;
	
	    static createFrom(source: any = {}) {
	        return new Stage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.title = this.convertValues(source["title"], Text);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Template {
	    id: string;
	    version: string;
	    name: Text;
	    organisation: Text;
	    source: Text;
	    revisions: Revision[];
	    stages: Stage[];
	    release_types: ReleaseType[];
	    modes: Mode[];
	    departments: Department[];
	    roles: Role[];
	    checklist: ChecklistItem[];
	    documents: Document[];
	    flows: Flow[];
	    settings: Settings;
	
	    static createFrom(source: any = {}) {
	        return new Template(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = this.convertValues(source["name"], Text);
	        this.organisation = this.convertValues(source["organisation"], Text);
	        this.source = this.convertValues(source["source"], Text);
	        this.revisions = this.convertValues(source["revisions"], Revision);
	        this.stages = this.convertValues(source["stages"], Stage);
	        this.release_types = this.convertValues(source["release_types"], ReleaseType);
	        this.modes = this.convertValues(source["modes"], Mode);
	        this.departments = this.convertValues(source["departments"], Department);
	        this.roles = this.convertValues(source["roles"], Role);
	        this.checklist = this.convertValues(source["checklist"], ChecklistItem);
	        this.documents = this.convertValues(source["documents"], Document);
	        this.flows = this.convertValues(source["flows"], Flow);
	        this.settings = this.convertValues(source["settings"], Settings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

