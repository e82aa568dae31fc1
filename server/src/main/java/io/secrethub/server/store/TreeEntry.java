package io.secrethub.server.store;

import io.secrethub.core.crypto.SealedBox;

/**
 * A node below (or at) the top of a listed tree, with its depth from that top and its name sealed
 * to the account listing it (null if none was sealed to it).
 */
public record TreeEntry(NodeRow node, int depth, SealedBox sealedName) {}
