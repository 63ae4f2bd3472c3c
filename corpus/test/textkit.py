"""Text helpers for the test-corpus generator: randomness, noise, layout, Unicode tricks."""

from __future__ import annotations

import random
import re

# --- Unicode look-alikes -----------------------------------------------------------

CYRILLIC = {
    "a": "\u0430", "e": "\u0435", "o": "\u043e", "p": "\u0440", "c": "\u0441",
    "x": "\u0445", "y": "\u0443", "i": "\u0456", "s": "\u0455", "j": "\u0458",
    "A": "\u0410", "B": "\u0412", "E": "\u0415", "K": "\u041a", "M": "\u041c",
    "H": "\u041d", "O": "\u041e", "P": "\u0420", "C": "\u0421", "T": "\u0422",
    "X": "\u0425", "S": "\u0405", "I": "\u0406",
}
GREEK = {
    "o": "\u03bf", "v": "\u03bd", "u": "\u03c5", "i": "\u03b9", "k": "\u03ba",
    "A": "\u0391", "B": "\u0392", "E": "\u0395", "H": "\u0397", "I": "\u0399",
    "K": "\u039a", "M": "\u039c", "N": "\u039d", "O": "\u039f", "P": "\u03a1",
    "T": "\u03a4", "X": "\u03a7", "Y": "\u03a5", "Z": "\u0396",
}
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7", "l": "1", "b": "8"}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]

# Offsets of Mathematical Alphanumeric Symbols blocks without holes.
MATH_FONTS = {
    "bold": (0x1D400, 0x1D41A, 0x1D7CE),
    "sans_bold": (0x1D5D4, 0x1D5EE, 0x1D7EC),
    "monospace": (0x1D670, 0x1D68A, 0x1D7F6),
    "double_struck_digits_only": (None, None, 0x1D7D8),
}


def math_font(text: str, font: str) -> str:
    upper, lower, digit = MATH_FONTS[font]
    out = []
    for ch in text:
        if upper is not None and "A" <= ch <= "Z":
            out.append(chr(upper + ord(ch) - ord("A")))
        elif lower is not None and "a" <= ch <= "z":
            out.append(chr(lower + ord(ch) - ord("a")))
        elif "0" <= ch <= "9":
            out.append(chr(digit + ord(ch) - ord("0")))
        else:
            out.append(ch)
    return "".join(out)


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def circled(text: str) -> str:
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x24B6 + ord(ch) - ord("A")))
        elif "a" <= ch <= "z":
            out.append(chr(0x24D0 + ord(ch) - ord("a")))
        else:
            out.append(ch)
    return "".join(out)


# --- Casual Indonesian shortening ----------------------------------------------------

ABBREVIATIONS = [
    (r"\byang\b", ["yg", "yang", "yng"]),
    (r"\bdengan\b", ["dgn", "dg", "dengan"]),
    (r"\buntuk\b", ["utk", "buat", "untk"]),
    (r"\btidak\b", ["gak", "tdk", "ga", "nggak", "gk"]),
    (r"\bsudah\b", ["udah", "sdh", "udh"]),
    (r"\bbisa\b", ["bs", "bisa", "bsa"]),
    (r"\bsaja\b", ["aja", "aj"]),
    (r"\bterima kasih\b", ["makasih", "trims", "thx", "terimakasih"]),
    (r"\bsilakan\b", ["silahkan", "monggo", "mangga"]),
    (r"\bharga\b", ["hrg", "harga", "hrga"]),
    (r"\bkakak\b", ["kak", "kaka", "sis", "gan"]),
    (r"\bbelum\b", ["blm", "belom"]),
    (r"\bjuga\b", ["jg", "juga"]),
    (r"\bkarena\b", ["krn", "karna"]),
    (r"\bsama\b", ["sm", "sama"]),
    (r"\bbanget\b", ["bgt", "pol", "pisan"]),
    (r"\bmurah\b", ["murmer", "murah", "murahh"]),
    (r"\bpengiriman\b", ["pengiriman", "kirim", "pngiriman"]),
]


class Kit:
    """All randomness of the generator goes through one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # -- basics --
    def pick(self, items):
        return self.rng.choice(items)

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def sample(self, items, k: int):
        return self.rng.sample(items, min(k, len(items)))

    def between(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def price(self, lo: int, hi: int) -> int:
        """A shop-looking price between lo and hi (round thousands, often ...900)."""
        value = self.rng.randint(lo, hi)
        if value >= 1_000_000:
            step = self.pick([50_000, 100_000, 250_000])
            value = max(step, value // step * step)
            if self.chance(0.2):
                value -= 1_000
        elif value >= 20_000:
            value = value // 1_000 * 1_000
            if self.chance(0.4):
                value = value // 5_000 * 5_000 + self.pick([-100, 0, 900]) + (1_000 if value < 5_000 else 0)
        else:
            value = max(500, value // 500 * 500)
        return max(value, 500)

    @staticmethod
    def rupiah(value: int, style: int = 0) -> str:
        """How a seller writes a price: 85rb, Rp 85.000, 85k, 6,5jt, 6.500.000."""
        if style == 0:
            return "Rp " + f"{value:,}".replace(",", ".")
        if style == 1:
            if value >= 1_000_000:
                jt = value / 1_000_000
                text = f"{jt:.1f}".rstrip("0").rstrip(".").replace(".", ",")
                return f"{text}jt"
            return f"{value // 1000}rb"
        if style == 2:
            if value >= 1_000_000:
                return f"{value / 1_000_000:g}".replace(".", ",") + " juta"
            return f"{value // 1000}k"
        return f"{value:,}".replace(",", ".")

    def money(self, value: int) -> str:
        return self.rupiah(value, self.between(0, 3))

    # -- templates --
    def fill(self, template: str, ctx: dict) -> str:
        return template.format_map(ctx)

    def fill_any(self, templates, ctx: dict) -> str:
        """Fill one template whose slots all have a value in ctx (None = unavailable)."""
        usable = [t for t in templates if all(ctx.get(k) is not None
                                               for k in re.findall(r"{(\w+)}", t))]
        return self.fill(self.pick(usable), ctx)

    def some(self, templates, ctx: dict, lo: int, hi: int) -> list[str]:
        usable = [t for t in templates if all(ctx.get(k) is not None
                                               for k in re.findall(r"{(\w+)}", t))]
        chosen = self.sample(usable, self.between(lo, hi))
        return [self.fill(t, ctx) for t in chosen]

    # -- layout --
    def layout(self, lines: list[str], allow_qa: list[tuple[str, str]] | None = None) -> str:
        """Join sentences as a paragraph, a bullet list, loose lines or a Q&A block."""
        lines = [ln for ln in lines if ln]
        style = self.rng.choices(["para", "bullets", "lines", "mixed"], [35, 25, 25, 15])[0]
        if style == "para":
            text = " ".join(lines)
        elif style == "bullets":
            bullet = self.pick(["- ", "• ", "✅ ", "▪️ ", "* ", "✔ ", "👉 ", "> "])
            head, rest = (lines[0], lines[1:]) if self.chance(0.6) and len(lines) > 2 else ("", lines)
            body = "\n".join(bullet + ln for ln in rest)
            text = (head + "\n" + body) if head else body
        elif style == "lines":
            text = "\n".join(lines)
        else:
            cut = self.between(1, max(1, len(lines) - 1))
            text = " ".join(lines[:cut]) + "\n\n" + "\n".join(lines[cut:])
        if allow_qa and self.chance(0.35):
            qa = self.sample(allow_qa, self.between(1, min(3, len(allow_qa))))
            fmt = self.pick([("Q: {q}\nA: {a}", "\n"), ("❓{q}\n👉 {a}", "\n"),
                             ("Tanya: {q}\nJawab: {a}", "\n"), ("{q} -> {a}", "\n")])
            block = fmt[1].join(fmt[0].format(q=q, a=a) for q, a in qa)
            header = self.pick(["", "FAQ:\n", "Sering ditanya:\n", "❔ TANYA JAWAB ❔\n"])
            text = text + "\n\n" + header + block
        return text.strip()

    # -- noise --
    def casual(self, text: str) -> str:
        for pattern, options in ABBREVIATIONS:
            if self.chance(0.55):
                text = re.sub(pattern, lambda _m, o=options: self.pick(o), text)
        return text

    def typo(self, text: str) -> str:
        words = [m for m in re.finditer(r"\b[a-z]{5,}\b", text)]
        if not words:
            return text
        m = self.pick(words)
        w = m.group(0)
        kind = self.between(0, 2)
        i = self.between(1, len(w) - 2)
        if kind == 0:
            w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
        elif kind == 1:
            w2 = w[:i] + w[i + 1:]
        else:
            w2 = w[:i] + w[i] + w[i:]
        return text[: m.start()] + w2 + text[m.end():]

    def stretch(self, word: str) -> str:
        vowels = [i for i, c in enumerate(word) if c.lower() in "aiueo"]
        i = self.pick(vowels) if vowels and self.chance(0.7) else len(word) - 1
        return word[: i + 1] + word[i] * self.between(2, 5) + word[i + 1:]

    def case_title(self, title: str) -> str:
        r = self.rng.random()
        if r < 0.18:
            return title.upper()
        if r < 0.32:
            return title.lower()
        if r < 0.45:
            return " ".join(w[:1].upper() + w[1:] if w else w for w in title.split(" "))
        return title

    def noisy(self, title: str, desc: str, level: float = 1.0) -> tuple[str, str]:
        title = self.case_title(title)
        if self.chance(0.45 * level):
            desc = self.casual(desc)
        if self.chance(0.25 * level):
            desc = self.typo(desc)
        if self.chance(0.10 * level):
            title = self.typo(title)
        if self.chance(0.08 * level):
            desc = desc.lower()
        return title, desc

    # -- obfuscation of chosen words --
    def obfuscate_word(self, word: str, method: str) -> str:
        if method == "leet":
            chars = list(word)
            spots = [i for i, c in enumerate(chars) if c.lower() in LEET]
            if not spots:
                return self.obfuscate_word(word, "dots")
            for i in self.sample(spots, self.between(1, len(spots))):
                chars[i] = LEET[chars[i].lower()]
            return "".join(chars)
        if method == "dots":
            sep = self.pick([".", "-", "_", "*", "'", "•"])
            return sep.join(word)
        if method == "spaced":
            return " ".join(word)
        if method == "cyrillic":
            out = [CYRILLIC.get(c, c) if self.chance(0.8) else c for c in word]
            if "".join(out) == word:
                return self.obfuscate_word(word, "zero_width")
            return "".join(out)
        if method == "greek":
            out = "".join(GREEK.get(c, c) for c in word)
            if out == word:
                out = "".join(GREEK.get(c, c) for c in word.upper())
            return out
        if method == "zero_width":
            zw = self.pick(ZERO_WIDTH)
            if self.chance(0.5):
                return zw.join(word)
            i = self.between(1, max(1, len(word) - 1))
            return word[:i] + zw + word[i:]
        if method == "stretched":
            return self.stretch(word)
        if method == "fullwidth":
            return fullwidth(word)
        if method == "math_bold":
            return math_font(word, "bold")
        if method == "math_sans":
            return math_font(word, "sans_bold")
        if method == "mask":
            i = self.between(1, max(1, len(word) - 2))
            return word[:i] + self.pick(["*", "#", "@", "x"]) + word[i + 1:]
        if method == "split_emoji":
            i = self.between(1, max(1, len(word) - 1))
            return word[:i] + self.pick(["🔥", "⭐", "✨", "💥", "🌸"]) + word[i:]
        raise ValueError(method)

