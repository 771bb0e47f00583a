package io.trailkeeper.integrity.control;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The 8-entry reference tree of the Certificate Transparency test suites, with its published hashes.
 *
 * <p>Source of every hex value here: transparency-dev/merkle, proof/verify_test.go (the vectors it
 * inherited from the certificate-transparency C++ and Go implementations; the same roots appear in
 * google/certificate-transparency-go merkletree tests). Each value was also recomputed independently
 * from the RFC 6962 §2.1 definitions with a short Python/hashlib script before use, and all agreed.
 */
final class Rfc6962ReferenceTree {

    static final HexFormat HEX = HexFormat.of();

    static final String EMPTY_TREE = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** The leaf entries d(0)..d(7), before leaf hashing. */
    static final List<byte[]> ENTRIES = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    /** ROOTS.get(n - 1) is MTH(D[0:n]). */
    static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    private Rfc6962ReferenceTree() {
    }

    static List<byte[]> leafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (byte[] entry : ENTRIES) {
            hashes.add(MerkleHashes.leafHash(entry));
        }
        return hashes;
    }

    static byte[] root(int size) {
        return size == 0 ? hex(EMPTY_TREE) : hex(ROOTS.get(size - 1));
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    static List<byte[]> hexList(String... hexes) {
        List<byte[]> out = new ArrayList<>();
        for (String h : hexes) {
            out.add(hex(h));
        }
        return out;
    }

    /** n distinct, reproducible leaf hashes for trees larger than the reference one. */
    /** The root of every prefix of these leaves: index i holds the root of the first i leaves. */
    static List<byte[]> rootsOfEveryPrefix(List<byte[]> leaves) {
        List<byte[]> roots = new ArrayList<>();
        MerkleAccumulator accumulator = new MerkleAccumulator();
        roots.add(accumulator.root());
        for (byte[] leaf : leaves) {
            accumulator.append(leaf);
            roots.add(accumulator.root());
        }
        return roots;
    }

    static List<byte[]> syntheticLeaves(int n) {
        List<byte[]> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(syntheticLeaf(i));
        }
        return hashes;
    }

    static byte[] syntheticLeaf(long i) {
        return MerkleHashes.leafHash(("leaf-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A copy of the hash with one bit flipped. */
    static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    /** MTH straight from the RFC 6962 §2.1 text over a list, as an oracle independent of MerkleTree's range walk. */
    static byte[] mth(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return MerkleHashes.emptyTreeHash();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return MerkleHashes.nodeHash(mth(leafHashes.subList(0, k)), mth(leafHashes.subList(k, n)));
    }
}
