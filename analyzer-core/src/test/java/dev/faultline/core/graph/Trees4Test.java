package dev.faultline.core.graph;

import dev.faultline.core.model.InputFile;
import dev.faultline.core.model.InputKind;
import dev.faultline.core.model.Parameter;
import dev.faultline.core.model.Resource;
import dev.faultline.core.model.Template;
import dev.faultline.core.tree.IntrinsicNode;
import dev.faultline.core.tree.ListNode;
import dev.faultline.core.tree.MapNode;
import dev.faultline.core.tree.Node;
import dev.faultline.core.tree.ScalarNode;
import dev.faultline.core.tree.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds located trees and templates by hand for graph tests: every node gets its own line. */
final class Trees4Test {

    private final String file;
    private int line = 1;

    Trees4Test(String file) {
        this.file = file;
    }

    private Span next() {
        int l = line++;
        return new Span(file, l, 1, l, 10);
    }

    Node node(Object o) {
        if (o instanceof Node n) {
            return n;
        }
        if (o instanceof String s) {
            return new ScalarNode(next(), s, ScalarNode.Kind.STRING);
        }
        if (o instanceof Integer i) {
            return new ScalarNode(next(), Integer.toString(i), ScalarNode.Kind.INT);
        }
        if (o instanceof Boolean b) {
            return new ScalarNode(next(), Boolean.toString(b), ScalarNode.Kind.BOOL);
        }
        if (o instanceof List<?> l) {
            Span s = next();
            List<Node> items = new ArrayList<>();
            for (Object x : l) {
                items.add(node(x));
            }
            return new ListNode(s, items);
        }
        throw new IllegalArgumentException(String.valueOf(o));
    }

    MapNode m(Object... kv) {
        Span s = next();
        List<MapNode.Entry> entries = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            Span ks = next();
            entries.add(new MapNode.Entry((String) kv[i], ks, node(kv[i + 1])));
        }
        return new MapNode(s, entries);
    }

    ListNode l(Object... items) {
        return (ListNode) node(List.of(items));
    }

    IntrinsicNode ref(String name) {
        Span s = next();
        return new IntrinsicNode(s, "Ref", new ScalarNode(s, name, ScalarNode.Kind.STRING));
    }

    IntrinsicNode arn(String name) {
        return getAtt(name, "Arn");
    }

    IntrinsicNode getAtt(String name, String att) {
        Span s = next();
        return new IntrinsicNode(
                s,
                "Fn::GetAtt",
                new ListNode(
                        s,
                        List.of(
                                new ScalarNode(s, name, ScalarNode.Kind.STRING),
                                new ScalarNode(s, att, ScalarNode.Kind.STRING))));
    }

    IntrinsicNode fn(String function, Object arg) {
        Span s = next();
        return new IntrinsicNode(s, function, node(arg));
    }

    IntrinsicNode sub(String text) {
        return fn("Fn::Sub", text);
    }

    /** A template from a root map with Parameters / Globals / Resources / Outputs. */
    Template template(MapNode root) {
        boolean sam = false;
        Map<String, Resource> resources = new LinkedHashMap<>();
        MapNode res = root.getMap("Resources");
        if (res != null) {
            for (MapNode.Entry e : res.entries()) {
                MapNode body = (MapNode) e.value();
                String type = body.getText("Type");
                sam |= type != null && type.startsWith("AWS::Serverless::");
                MapNode props = body.getMap("Properties");
                MapNode md = body.getMap("Metadata");
                List<String> deps = new ArrayList<>();
                Node d = body.get("DependsOn");
                if (d instanceof ListNode dl) {
                    dl.items().forEach(x -> deps.add(x.text()));
                } else if (d != null) {
                    deps.add(d.text());
                }
                String cdk = md == null ? null : md.getText("aws:cdk:path");
                resources.put(
                        e.key(),
                        new Resource(
                                e.key(),
                                type,
                                props == null ? MapNode.empty(body.span()) : props,
                                md == null ? MapNode.empty(body.span()) : md,
                                body.getText("Condition"),
                                deps,
                                body,
                                e.keySpan(),
                                cdk));
            }
        }
        Map<String, Parameter> params = new LinkedHashMap<>();
        MapNode ps = root.getMap("Parameters");
        if (ps != null) {
            for (MapNode.Entry e : ps.entries()) {
                MapNode p = (MapNode) e.value();
                params.put(e.key(), new Parameter(e.key(), p.getText("Type"), p.get("Default"), e.keySpan()));
            }
        }
        Span s = root.span();
        return new Template(
                new InputFile(Path.of(file), file, sam ? InputKind.SAM : InputKind.CLOUDFORMATION),
                root,
                sam,
                params,
                orEmpty(root.getMap("Conditions"), s),
                orEmpty(root.getMap("Mappings"), s),
                orEmpty(root.getMap("Globals"), s),
                resources,
                orEmpty(root.getMap("Outputs"), s),
                orEmpty(root.getMap("Metadata"), s),
                null);
    }

    private static MapNode orEmpty(MapNode m, Span s) {
        return m == null ? MapNode.empty(s) : m;
    }
}
