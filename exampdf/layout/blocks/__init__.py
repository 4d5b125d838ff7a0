"""layout/blocks"""
