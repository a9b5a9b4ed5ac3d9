package org.resetdesk.recorder.isapi;

/** The XML namespace a firmware line writes its ISAPI documents in (recorder-console-and-isapi.md B0). */
public enum IsapiDialect {
    HIKVISION_V20("http://www.hikvision.com/ver20/XMLSchema", "2.0"),
    HIKVISION_V10("http://www.hikvision.com/ver10/XMLSchema", "1.0"),
    ISAPI_ORG("http://www.isapi.org/ver20/XMLSchema", "2.0"),
    STD_CGI("http://www.std-cgi.com/ver20/XMLSchema", "2.0"),
    PSIA("urn:psialliance-org", "1.0");

    private final String namespace;
    private final String version;

    IsapiDialect(String namespace, String version) {
        this.namespace = namespace;
        this.version = version;
    }

    public String namespace() {
        return namespace;
    }

    /** {@code <root version="…" xmlns="…">content</root>} with an XML declaration. */
    public String document(String root, String content) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " version=\"" + version + "\" xmlns=\""
                + namespace + "\">" + content + "</" + root + ">\n";
    }
}
