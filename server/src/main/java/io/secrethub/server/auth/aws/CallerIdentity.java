package io.secrethub.server.auth.aws;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import io.secrethub.core.api.ErrorCode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The answer of {@code sts:GetCallerIdentity}, parsed strictly: no DTDs or entities, the exact root
 * element in the STS namespace, exactly one of each field. Vault's 2020 bypass came from a lenient
 * parser accepting a forged document; this one accepts only the real shape.
 */
public record CallerIdentity(String arn, String userId, String account) {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static CallerIdentity parse(byte[] xml) {
        Document doc = parseDocument(xml);
        Element root = doc.getDocumentElement();
        if (!"GetCallerIdentityResponse".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw refused("STS answered with an unexpected document");
        }
        Element result = onlyChild(root, "GetCallerIdentityResult");
        String arn = text(onlyChild(result, "Arn"));
        String userId = text(onlyChild(result, "UserId"));
        String account = text(onlyChild(result, "Account"));
        if (!account.matches("[0-9]{12}")) {
            throw refused("STS answered with a malformed account id");
        }
        return new CallerIdentity(arn, userId, account);
    }

    /** The {@code <Code>} of an STS error document, or null. */
    static String errorCode(byte[] xml) {
        try {
            Document doc = parseDocument(xml);
            var codes = doc.getElementsByTagNameNS("*", "Code");
            return codes.getLength() == 0 ? null : codes.item(0).getTextContent().strip();
        } catch (AwsLoginRefused e) {
            return null;
        }
    }

    private static Document parseDocument(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw refused("STS answered with a document that is not well-formed XML");
        }
    }

    private static Element onlyChild(Element parent, String name) {
        List<Element> matches = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && NAMESPACE.equals(e.getNamespaceURI())) {
                matches.add(e);
            }
        }
        if (matches.size() != 1) {
            throw refused("STS answered with " + matches.size() + " <" + name + "> elements where exactly one belongs");
        }
        return matches.get(0);
    }

    private static String text(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                throw refused("STS answered with nested markup in <" + element.getLocalName() + ">");
            }
        }
        String text = element.getTextContent().strip();
        if (text.isEmpty() || text.length() > 2048) {
            throw refused("STS answered with an empty or oversized <" + element.getLocalName() + ">");
        }
        return text;
    }

    private static AwsLoginRefused refused(String message) {
        return new AwsLoginRefused(ErrorCode.AWS_STS_UNAVAILABLE, message);
    }
}
