export namespace app {
	
	export class Exported {
	    path: string;
	    pages: number;
	    bytes: number;
	
	    static createFrom(source: any = {}) {
	        return new Exported(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.pages = source["pages"];
	        this.bytes = source["bytes"];
	    }
	}
	export class YearView {
	    in_force: window.Plan;
	    draft: window.Plan;
	    versions: window.VersionInfo[];
	    holidays: holiday.Year;
	
	    static createFrom(source: any = {}) {
	        return new YearView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.in_force = this.convertValues(source["in_force"], window.Plan);
	        this.draft = this.convertValues(source["draft"], window.Plan);
	        this.versions = this.convertValues(source["versions"], window.VersionInfo);
	        this.holidays = this.convertValues(source["holidays"], holiday.Year);
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

export namespace docs {
	
	export class Signed {
	    for: string;
	    fp: string;
	    how: string;
	
	    static createFrom(source: any = {}) {
	        return new Signed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.for = source["for"];
	        this.fp = source["fp"];
	        this.how = source["how"];
	    }
	}
	export class Payload {
	    format: string;
	    kind: string;
	    number: string;
	    lang: string;
	    dossier?: string;
	    event?: string;
	    heads?: string[];
	    year?: number;
	    sha256: string;
	    signed: Signed[];
	
	    static createFrom(source: any = {}) {
	        return new Payload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.kind = source["kind"];
	        this.number = source["number"];
	        this.lang = source["lang"];
	        this.dossier = source["dossier"];
	        this.event = source["event"];
	        this.heads = source["heads"];
	        this.year = source["year"];
	        this.sha256 = source["sha256"];
	        this.signed = this.convertValues(source["signed"], Signed);
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

export namespace documents {
	
	export class RegisterFilter {
	    year: number;
	    window: string;
	    system: string;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new RegisterFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.window = source["window"];
	        this.system = source["system"];
	        this.lang = source["lang"];
	    }
	}
	export class Request {
	    kind: string;
	    dossier: string;
	    year: number;
	    lang: string;
	
	    static createFrom(source: any = {}) {
	        return new Request(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.dossier = source["dossier"];
	        this.year = source["year"];
	        this.lang = source["lang"];
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
	    window?: string;
	
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
	        this.window = source["window"];
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
	export class DecideRequest {
	    step: string;
	    row: string;
	    decision: string;
	    return_to: string;
	    comment: string;
	    answers: Record<string, workflow.Answer>;
	
	    static createFrom(source: any = {}) {
	        return new DecideRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.row = source["row"];
	        this.decision = source["decision"];
	        this.return_to = source["return_to"];
	        this.comment = source["comment"];
	        this.answers = this.convertValues(source["answers"], workflow.Answer, true);
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
	    window?: string;
	
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
	        this.window = source["window"];
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
	    ignored_code?: string;
	
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
	        this.ignored_code = source["ignored_code"];
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
	export class InboxItem {
	    kind: string;
	    step: string;
	    row?: string;
	    role: string;
	    delegate?: string;
	    // Go type: time
	    since: any;
	    urges: number;
	    stale: boolean;
	    dossier: string;
	    title: string;
	    system_code: string;
	    system_name: string;
	    mode: string;
	    not_fully_tested: boolean;
	    // Go type: time
	    planned_at: any;
	    delegated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new InboxItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.step = source["step"];
	        this.row = source["row"];
	        this.role = source["role"];
	        this.delegate = source["delegate"];
	        this.since = this.convertValues(source["since"], null);
	        this.urges = source["urges"];
	        this.stale = source["stale"];
	        this.dossier = source["dossier"];
	        this.title = source["title"];
	        this.system_code = source["system_code"];
	        this.system_name = source["system_name"];
	        this.mode = source["mode"];
	        this.not_fully_tested = source["not_fully_tested"];
	        this.planned_at = this.convertValues(source["planned_at"], null);
	        this.delegated = source["delegated"];
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
	    window: string;
	    stage: string;
	    checklist: Record<string, ChecklistEntry>;
	    notes: number;
	    // Go type: time
	    created_at: any;
	    created_by: string;
	    // Go type: time
	    updated_at: any;
	    plan?: workflow.Plan;
	    flow?: workflow.State;
	    tasks: workflow.Task[];
	    not_fully_tested: boolean;
	    override: boolean;
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
	        this.window = source["window"];
	        this.stage = source["stage"];
	        this.checklist = this.convertValues(source["checklist"], ChecklistEntry, true);
	        this.notes = source["notes"];
	        this.created_at = this.convertValues(source["created_at"], null);
	        this.created_by = source["created_by"];
	        this.updated_at = this.convertValues(source["updated_at"], null);
	        this.plan = this.convertValues(source["plan"], workflow.Plan);
	        this.flow = this.convertValues(source["flow"], workflow.State);
	        this.tasks = this.convertValues(source["tasks"], workflow.Task);
	        this.not_fully_tested = source["not_fully_tested"];
	        this.override = source["override"];
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
	    zone: string;
	    // Go type: time
	    planned_at: any;
	    // Go type: time
	    updated_at: any;
	    project_manager: string;
	    window: string;
	    window_state: string;
	    content_refs: string[];
	    checklist_done: number;
	    checklist_total: number;
	    system_name: string;
	    phase: string;
	    tasks: workflow.Task[];
	    not_fully_tested: boolean;
	    override: boolean;
	    created_by: string;
	
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
	        this.zone = source["zone"];
	        this.planned_at = this.convertValues(source["planned_at"], null);
	        this.updated_at = this.convertValues(source["updated_at"], null);
	        this.project_manager = source["project_manager"];
	        this.window = source["window"];
	        this.window_state = source["window_state"];
	        this.content_refs = source["content_refs"];
	        this.checklist_done = source["checklist_done"];
	        this.checklist_total = source["checklist_total"];
	        this.system_name = source["system_name"];
	        this.phase = source["phase"];
	        this.tasks = this.convertValues(source["tasks"], workflow.Task);
	        this.not_fully_tested = source["not_fully_tested"];
	        this.override = source["override"];
	        this.created_by = source["created_by"];
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
	    window?: window.Window;
	    warnings: window.Warning[];
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = this.convertValues(source["state"], State);
	        this.history = this.convertValues(source["history"], HistoryEntry);
	        this.system_name = source["system_name"];
	        this.window = this.convertValues(source["window"], window.Window);
	        this.warnings = this.convertValues(source["warnings"], window.Warning);
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

export namespace holiday {
	
	export class Day {
	    date: string;
	    name: string;
	    work: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Day(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.name = source["name"];
	        this.work = source["work"];
	    }
	}
	export class Year {
	    year: number;
	    source: string;
	    days: Day[];
	    file?: string;
	    // Go type: time
	    imported_at: any;
	    imported_by?: string;
	
	    static createFrom(source: any = {}) {
	        return new Year(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.source = source["source"];
	        this.days = this.convertValues(source["days"], Day);
	        this.file = source["file"];
	        this.imported_at = this.convertValues(source["imported_at"], null);
	        this.imported_by = source["imported_by"];
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
	
	export class Certificate {
	    profile_id: string;
	    der: number[];
	    fingerprint: string;
	    subject: string;
	    serial: string;
	    algorithm: string;
	    // Go type: time
	    not_before: any;
	    // Go type: time
	    not_after: any;
	    // Go type: time
	    created_at: any;
	
	    static createFrom(source: any = {}) {
	        return new Certificate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.profile_id = source["profile_id"];
	        this.der = source["der"];
	        this.fingerprint = source["fingerprint"];
	        this.subject = source["subject"];
	        this.serial = source["serial"];
	        this.algorithm = source["algorithm"];
	        this.not_before = this.convertValues(source["not_before"], null);
	        this.not_after = this.convertValues(source["not_after"], null);
	        this.created_at = this.convertValues(source["created_at"], null);
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
	export class Identity {
	    public_key: string;
	    name: string;
	    department: string;
	    roles: string[];
	
	    static createFrom(source: any = {}) {
	        return new Identity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.public_key = source["public_key"];
	        this.name = source["name"];
	        this.department = source["department"];
	        this.roles = source["roles"];
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
	    hash_only?: boolean;
	    generated?: boolean;
	    document?: string;
	
	    static createFrom(source: any = {}) {
	        return new Deliverable(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.required = source["required"];
	        this.hash_only = source["hash_only"];
	        this.generated = source["generated"];
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
	export class FreezeRange {
	    id: string;
	    name: Text;
	    start: string;
	    end: string;
	
	    static createFrom(source: any = {}) {
	        return new FreezeRange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = this.convertValues(source["name"], Text);
	        this.start = source["start"];
	        this.end = source["end"];
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
	export class FreezeRule {
	    working_days_before: number;
	    min_holiday_days: number;
	
	    static createFrom(source: any = {}) {
	        return new FreezeRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.working_days_before = source["working_days_before"];
	        this.min_holiday_days = source["min_holiday_days"];
	    }
	}
	
	export class Mode {
	    id: string;
	    name: Text;
	    note: Text;
	    frequency: Text;
	    signature_role?: string;
	    not_fully_tested?: boolean;
	    signature_step?: Step;
	    confirmation_items?: Item[];
	
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
	        this.signature_step = this.convertValues(source["signature_step"], Step);
	        this.confirmation_items = this.convertValues(source["confirmation_items"], Item);
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
	export class Problem {
	    code: string;
	    path: string;
	    params?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.path = source["path"];
	        this.params = source["params"];
	    }
	}
	export class ReleaseType {
	    id: string;
	    name: Text;
	    description: Text;
	    note: Text;
	    subtypes?: Option[];
	    same_day_test?: boolean;
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
	        this.same_day_test = source["same_day_test"];
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
	    archive_roles: string[];
	    release_operator_role: string;
	    supervisor_role: string;
	    template_editor_role: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.approvals_carry_over = source["approvals_carry_over"];
	        this.archive_roles = source["archive_roles"];
	        this.release_operator_role = source["release_operator_role"];
	        this.supervisor_role = source["supervisor_role"];
	        this.template_editor_role = source["template_editor_role"];
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
	
	export class WindowRule {
	    class: string;
	    weekday: string;
	    weeks: number[];
	    week_reading: string;
	    start: string;
	    end: string;
	    zone: string;
	    holiday_policy: string;
	    capacity: number;
	
	    static createFrom(source: any = {}) {
	        return new WindowRule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.class = source["class"];
	        this.weekday = source["weekday"];
	        this.weeks = source["weeks"];
	        this.week_reading = source["week_reading"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.zone = source["zone"];
	        this.holiday_policy = source["holiday_policy"];
	        this.capacity = source["capacity"];
	    }
	}
	export class WindowSettings {
	    rules: WindowRule[];
	    freeze: FreezeRule;
	    freeze_ranges: FreezeRange[];
	
	    static createFrom(source: any = {}) {
	        return new WindowSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rules = this.convertValues(source["rules"], WindowRule);
	        this.freeze = this.convertValues(source["freeze"], FreezeRule);
	        this.freeze_ranges = this.convertValues(source["freeze_ranges"], FreezeRange);
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
	    windows?: WindowSettings;
	
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
	        this.windows = this.convertValues(source["windows"], WindowSettings);
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

export namespace templates {
	
	export class Info {
	    key: string;
	    id: string;
	    version: string;
	    name: template.Text;
	    builtin: boolean;
	    current: boolean;
	    // Go type: time
	    saved_at: any;
	    saved_by: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.id = source["id"];
	        this.version = source["version"];
	        this.name = this.convertValues(source["name"], template.Text);
	        this.builtin = source["builtin"];
	        this.current = source["current"];
	        this.saved_at = this.convertValues(source["saved_at"], null);
	        this.saved_by = source["saved_by"];
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

export namespace verify {
	
	export class Difference {
	    field: string;
	    document: string;
	    store: string;
	
	    static createFrom(source: any = {}) {
	        return new Difference(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.field = source["field"];
	        this.document = source["document"];
	        this.store = source["store"];
	    }
	}
	export class Problem {
	    code: string;
	    params?: Record<string, string>;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.params = source["params"];
	        this.message = source["message"];
	    }
	}
	export class Signature {
	    valid: boolean;
	    signer: string;
	    fingerprint: string;
	    certificate: string;
	    known: boolean;
	    sample: boolean;
	    signed_at?: string;
	
	    static createFrom(source: any = {}) {
	        return new Signature(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.signer = source["signer"];
	        this.fingerprint = source["fingerprint"];
	        this.certificate = source["certificate"];
	        this.known = source["known"];
	        this.sample = source["sample"];
	        this.signed_at = source["signed_at"];
	    }
	}
	export class Report {
	    status: string;
	    signature: Signature;
	    payload?: docs.Payload;
	    title?: string;
	    newer_events: number;
	    differences: Difference[];
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.signature = this.convertValues(source["signature"], Signature);
	        this.payload = this.convertValues(source["payload"], docs.Payload);
	        this.title = source["title"];
	        this.newer_events = source["newer_events"];
	        this.differences = this.convertValues(source["differences"], Difference);
	        this.problems = this.convertValues(source["problems"], Problem);
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

export namespace window {
	
	export class Adjustment {
	    kind: string;
	    code: string;
	    params?: Record<string, string>;
	    manual?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Adjustment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.code = source["code"];
	        this.params = source["params"];
	        this.manual = source["manual"];
	    }
	}
	export class Slot {
	    date: string;
	    start: string;
	    end: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new Slot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.state = source["state"];
	    }
	}
	export class Change {
	    window: string;
	    class: string;
	    kind: string;
	    before?: Slot;
	    after?: Slot;
	
	    static createFrom(source: any = {}) {
	        return new Change(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.window = source["window"];
	        this.class = source["class"];
	        this.kind = source["kind"];
	        this.before = this.convertValues(source["before"], Slot);
	        this.after = this.convertValues(source["after"], Slot);
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
	export class Edit {
	    op: string;
	    window?: string;
	    class?: string;
	    date?: string;
	    end_date?: string;
	    start?: string;
	    end?: string;
	    name?: string;
	    reason: string;
	    by: string;
	    // Go type: time
	    at: any;
	
	    static createFrom(source: any = {}) {
	        return new Edit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.window = source["window"];
	        this.class = source["class"];
	        this.date = source["date"];
	        this.end_date = source["end_date"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.name = source["name"];
	        this.reason = source["reason"];
	        this.by = source["by"];
	        this.at = this.convertValues(source["at"], null);
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
	export class Freeze {
	    id: string;
	    kind: string;
	    name: string;
	    start: string;
	    end: string;
	    holiday_start?: string;
	    holiday_end?: string;
	    holiday_days?: number;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Freeze(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.holiday_start = source["holiday_start"];
	        this.holiday_end = source["holiday_end"];
	        this.holiday_days = source["holiday_days"];
	        this.reason = source["reason"];
	    }
	}
	export class Warning {
	    code: string;
	    params?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Warning(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.params = source["params"];
	    }
	}
	export class Window {
	    id: string;
	    class: string;
	    date: string;
	    start: string;
	    end: string;
	    zone: string;
	    state: string;
	    nominal?: string;
	    week?: number;
	    extra?: boolean;
	    capacity: number;
	    adjustments: Adjustment[];
	
	    static createFrom(source: any = {}) {
	        return new Window(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.class = source["class"];
	        this.date = source["date"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.zone = source["zone"];
	        this.state = source["state"];
	        this.nominal = source["nominal"];
	        this.week = source["week"];
	        this.extra = source["extra"];
	        this.capacity = source["capacity"];
	        this.adjustments = this.convertValues(source["adjustments"], Adjustment);
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
	export class Plan {
	    year: number;
	    version: number;
	    template: string;
	    holiday_source: string;
	    windows: Window[];
	    freezes: Freeze[];
	    edits: Edit[];
	    warnings: Warning[];
	    changes?: Change[];
	    note?: string;
	    // Go type: time
	    published_at: any;
	    published_by?: string;
	    event?: string;
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.version = source["version"];
	        this.template = source["template"];
	        this.holiday_source = source["holiday_source"];
	        this.windows = this.convertValues(source["windows"], Window);
	        this.freezes = this.convertValues(source["freezes"], Freeze);
	        this.edits = this.convertValues(source["edits"], Edit);
	        this.warnings = this.convertValues(source["warnings"], Warning);
	        this.changes = this.convertValues(source["changes"], Change);
	        this.note = source["note"];
	        this.published_at = this.convertValues(source["published_at"], null);
	        this.published_by = source["published_by"];
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
	export class ReadingDiff {
	    month: number;
	    nth_weekday: string[];
	    calendar_week: string[];
	    missing_weeks?: number[];
	
	    static createFrom(source: any = {}) {
	        return new ReadingDiff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.nth_weekday = source["nth_weekday"];
	        this.calendar_week = source["calendar_week"];
	        this.missing_weeks = source["missing_weeks"];
	    }
	}
	
	export class VersionInfo {
	    version: number;
	    event: string;
	    published_at: string;
	    published_by: string;
	    note: string;
	    changes: number;
	
	    static createFrom(source: any = {}) {
	        return new VersionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.event = source["event"];
	        this.published_at = source["published_at"];
	        this.published_by = source["published_by"];
	        this.note = source["note"];
	        this.changes = source["changes"];
	    }
	}
	

}

export namespace workflow {
	
	export class Answer {
	    yes: boolean;
	    remark: string;
	
	    static createFrom(source: any = {}) {
	        return new Answer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.yes = source["yes"];
	        this.remark = source["remark"];
	    }
	}
	export class Archive {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    not_applicable: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Archive(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
	        this.not_applicable = source["not_applicable"];
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
	export class Confirmation {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    success: boolean;
	    rollback: string;
	    answers: Record<string, Answer>;
	
	    static createFrom(source: any = {}) {
	        return new Confirmation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
	        this.success = source["success"];
	        this.rollback = source["rollback"];
	        this.answers = this.convertValues(source["answers"], Answer, true);
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
	export class Decision {
	    event: string;
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    delegated: boolean;
	    comment: string;
	    answers: Record<string, Answer>;
	    covers: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Decision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.event = source["event"];
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.delegated = source["delegated"];
	        this.comment = source["comment"];
	        this.answers = this.convertValues(source["answers"], Answer, true);
	        this.covers = source["covers"];
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
	export class SameDayTest {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    confirmed_by: string;
	    // Go type: time
	    tested_at: any;
	
	    static createFrom(source: any = {}) {
	        return new SameDayTest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
	        this.confirmed_by = source["confirmed_by"];
	        this.tested_at = this.convertValues(source["tested_at"], null);
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
	export class Signoff {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	
	    static createFrom(source: any = {}) {
	        return new Signoff(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
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
	export class PackageCheck {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    name: string;
	    size: number;
	    sha256: string;
	    approved: string;
	    match: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PackageCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
	        this.name = source["name"];
	        this.size = source["size"];
	        this.sha256 = source["sha256"];
	        this.approved = source["approved"];
	        this.match = source["match"];
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
	export class TestRow {
	    name: string;
	    expected: string;
	    actual: string;
	    passed: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TestRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.expected = source["expected"];
	        this.actual = source["actual"];
	        this.passed = source["passed"];
	    }
	}
	export class RunbookRow {
	    no: number;
	    action: string;
	    planned_at: string;
	    started_at: string;
	    ended_at: string;
	    operator: string;
	    result: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new RunbookRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.action = source["action"];
	        this.planned_at = source["planned_at"];
	        this.started_at = source["started_at"];
	        this.ended_at = source["ended_at"];
	        this.operator = source["operator"];
	        this.result = source["result"];
	        this.notes = source["notes"];
	    }
	}
	export class Execution {
	    attempt: number;
	    runbook: RunbookRow[];
	    tests: TestRow[];
	    package_check?: PackageCheck;
	    override?: Signoff;
	    released?: Signoff;
	    supervised?: Signoff;
	    same_day_test?: SameDayTest;
	
	    static createFrom(source: any = {}) {
	        return new Execution(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.attempt = source["attempt"];
	        this.runbook = this.convertValues(source["runbook"], RunbookRow);
	        this.tests = this.convertValues(source["tests"], TestRow);
	        this.package_check = this.convertValues(source["package_check"], PackageCheck);
	        this.override = this.convertValues(source["override"], Signoff);
	        this.released = this.convertValues(source["released"], Signoff);
	        this.supervised = this.convertValues(source["supervised"], Signoff);
	        this.same_day_test = this.convertValues(source["same_day_test"], SameDayTest);
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
	    name: template.Text;
	    kind: string;
	    department?: string;
	    role?: string;
	    role_label: template.Text;
	    items?: template.Item[];
	    deliverables?: template.Deliverable[];
	    rows?: template.CountersignRow[];
	    filed_to?: string[];
	    approval: boolean;
	    inserted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Step(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.no = source["no"];
	        this.name = this.convertValues(source["name"], template.Text);
	        this.kind = source["kind"];
	        this.department = source["department"];
	        this.role = source["role"];
	        this.role_label = this.convertValues(source["role_label"], template.Text);
	        this.items = this.convertValues(source["items"], template.Item);
	        this.deliverables = this.convertValues(source["deliverables"], template.Deliverable);
	        this.rows = this.convertValues(source["rows"], template.CountersignRow);
	        this.filed_to = source["filed_to"];
	        this.approval = source["approval"];
	        this.inserted = source["inserted"];
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
	export class Plan {
	    flow: string;
	    steps: Step[];
	    confirmation_items: template.Item[];
	    same_day_test: boolean;
	    not_fully_tested: boolean;
	    settings: template.Settings;
	    documents: template.Document[];
	
	    static createFrom(source: any = {}) {
	        return new Plan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flow = source["flow"];
	        this.steps = this.convertValues(source["steps"], Step);
	        this.confirmation_items = this.convertValues(source["confirmation_items"], template.Item);
	        this.same_day_test = source["same_day_test"];
	        this.not_fully_tested = source["not_fully_tested"];
	        this.settings = this.convertValues(source["settings"], template.Settings);
	        this.documents = this.convertValues(source["documents"], template.Document);
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
	export class Postponement {
	    by: string;
	    role: string;
	    // Go type: time
	    at: any;
	    event: string;
	    comment: string;
	    attempt: number;
	    production_unchanged: boolean;
	    reason: string;
	    plan: string;
	    // Go type: time
	    from: any;
	    // Go type: time
	    to: any;
	    window?: string;
	    reopened: string[];
	
	    static createFrom(source: any = {}) {
	        return new Postponement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.role = source["role"];
	        this.at = this.convertValues(source["at"], null);
	        this.event = source["event"];
	        this.comment = source["comment"];
	        this.attempt = source["attempt"];
	        this.production_unchanged = source["production_unchanged"];
	        this.reason = source["reason"];
	        this.plan = source["plan"];
	        this.from = this.convertValues(source["from"], null);
	        this.to = this.convertValues(source["to"], null);
	        this.window = source["window"];
	        this.reopened = source["reopened"];
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
	
	
	
	export class Urge {
	    by: string;
	    // Go type: time
	    at: any;
	    comment: string;
	    event: string;
	
	    static createFrom(source: any = {}) {
	        return new Urge(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.by = source["by"];
	        this.at = this.convertValues(source["at"], null);
	        this.comment = source["comment"];
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
	export class Stale {
	    deliverable: string;
	    was: string;
	    now: string;
	    event: string;
	    // Go type: time
	    at: any;
	    previous?: Decision;
	
	    static createFrom(source: any = {}) {
	        return new Stale(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.deliverable = source["deliverable"];
	        this.was = source["was"];
	        this.now = source["now"];
	        this.event = source["event"];
	        this.at = this.convertValues(source["at"], null);
	        this.previous = this.convertValues(source["previous"], Decision);
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
	export class Slot {
	    step: string;
	    row?: string;
	    role: string;
	    status: string;
	    // Go type: time
	    pending_since: any;
	    decision?: Decision;
	    stale?: Stale;
	    delegate?: string;
	    delegate_name?: string;
	    urges: Urge[];
	
	    static createFrom(source: any = {}) {
	        return new Slot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.step = source["step"];
	        this.row = source["row"];
	        this.role = source["role"];
	        this.status = source["status"];
	        this.pending_since = this.convertValues(source["pending_since"], null);
	        this.decision = this.convertValues(source["decision"], Decision);
	        this.stale = this.convertValues(source["stale"], Stale);
	        this.delegate = source["delegate"];
	        this.delegate_name = source["delegate_name"];
	        this.urges = this.convertValues(source["urges"], Urge);
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
	    phase: string;
	    slots: Slot[];
	    submission?: Decision;
	    submissions: number;
	    decided_since_submit: number;
	    deliverables: Record<string, Array<Version>>;
	    filing?: Signoff;
	    execution: Execution;
	    past_attempts: Execution[];
	    confirmation?: Confirmation;
	    past_confirmations: Confirmation[];
	    postponements: Postponement[];
	    archive?: Archive;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.phase = source["phase"];
	        this.slots = this.convertValues(source["slots"], Slot);
	        this.submission = this.convertValues(source["submission"], Decision);
	        this.submissions = source["submissions"];
	        this.decided_since_submit = source["decided_since_submit"];
	        this.deliverables = this.convertValues(source["deliverables"], Array<Version>, true);
	        this.filing = this.convertValues(source["filing"], Signoff);
	        this.execution = this.convertValues(source["execution"], Execution);
	        this.past_attempts = this.convertValues(source["past_attempts"], Execution);
	        this.confirmation = this.convertValues(source["confirmation"], Confirmation);
	        this.past_confirmations = this.convertValues(source["past_confirmations"], Confirmation);
	        this.postponements = this.convertValues(source["postponements"], Postponement);
	        this.archive = this.convertValues(source["archive"], Archive);
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
	
	export class Task {
	    kind: string;
	    step: string;
	    row?: string;
	    role: string;
	    delegate?: string;
	    // Go type: time
	    since: any;
	    urges: number;
	    stale: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Task(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.step = source["step"];
	        this.row = source["row"];
	        this.role = source["role"];
	        this.delegate = source["delegate"];
	        this.since = this.convertValues(source["since"], null);
	        this.urges = source["urges"];
	        this.stale = source["stale"];
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
	
	
	export class Version {
	    no: number;
	    sha256: string;
	    name: string;
	    size: number;
	    mime: string;
	    hash_only: boolean;
	    note: string;
	    by: string;
	    // Go type: time
	    at: any;
	    event: string;
	
	    static createFrom(source: any = {}) {
	        return new Version(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.no = source["no"];
	        this.sha256 = source["sha256"];
	        this.name = source["name"];
	        this.size = source["size"];
	        this.mime = source["mime"];
	        this.hash_only = source["hash_only"];
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

}

