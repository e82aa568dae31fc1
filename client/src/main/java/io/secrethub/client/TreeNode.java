package io.secrethub.client;

import java.util.List;

/** A directory tree with decrypted names; secrets are leaves. Children are sorted by name. */
public record TreeNode(String name, String path, boolean directory, List<TreeNode> children) {
    public TreeNode {
        children = List.copyOf(children);
    }

    /** Counts directories (excluding this one) and secrets below this node. */
    public int[] countDirsAndSecrets() {
        int[] counts = new int[2];
        for (TreeNode child : children) {
            counts[child.directory() ? 0 : 1]++;
            int[] below = child.countDirsAndSecrets();
            counts[0] += below[0];
            counts[1] += below[1];
        }
        return counts;
    }
}
