"""Small but realistic Hugging Face README files, as the model-card tests read them."""

CHAT_MODEL = """---
license: apache-2.0
base_model: mistralai/Mistral-7B-v0.1
datasets:
  - HuggingFaceH4/ultrachat_200k
  - HuggingFaceH4/ultrafeedback_binarized
language:
  - en
pipeline_tag: text-generation
library_name: transformers
tags:
  - generated_from_trainer
  - alignment-handbook
model-index:
  - name: zephyr-7b-beta
    results:
      - task:
          type: text-generation
          name: Text Generation
        dataset:
          name: AI2 Reasoning Challenge (25-Shot)
          type: ai2_arc
        metrics:
          - type: acc_norm
            value: 62.03
            name: normalized accuracy
      - task:
          type: text-generation
        dataset:
          name: TruthfulQA (0-shot)
          type: truthful_qa
        metrics:
          - type: mc2
            value: 57.45
---

<img src="banner.png" alt="Zephyr"/>

# Model Card for Zephyr 7B β

Zephyr is a series of language models trained to act as helpful assistants.

## Intended uses
"""

CLASSIFIER = """---
license: mit
---
# Ticket router

Routes support tickets to the right queue.
"""

OTHER_LICENCE = """---
license: other
license_name: llama3.1
base_model:
  - meta-llama/Llama-3.1-8B
datasets: internal/support-transcripts
model-index:
  - name: support-assistant
    results:
      - dataset: {name: Support eval}
        metrics:
          - {name: Resolution rate, value: "81%"}
          - {name: Broken entry}
---
"""
